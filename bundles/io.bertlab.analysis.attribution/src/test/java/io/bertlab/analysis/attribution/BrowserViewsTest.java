package io.bertlab.analysis.attribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.bertlab.analysis.BertVizViews;
import io.bertlab.analysis.EngineAttentionCapture;
import io.bertlab.api.analysis.AttentionMap;
import io.bertlab.api.analysis.Attribution;
import io.bertlab.api.analysis.AttributionMethod.Baseline;
import io.bertlab.api.analysis.AttributionMethod.Rule;
import io.bertlab.api.model.Model;
import io.bertlab.api.model.OutputSelector;
import io.bertlab.api.model.TrainingSession;
import io.bertlab.api.model.TrainingSpec;
import io.bertlab.engine.java.JavaEngine;
import io.bertlab.model.bert.ModelDirectory;
import io.bertlab.testing.SharedData;
import io.bertlab.testing.models.JavaMiniLm;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * The three HTML views, written from real outputs (all-MiniLM-L6-v2's attention; Integrated Gradients of the model
 * fine-tuned for SST-2), opened from disk in a real headless Chromium: no console message above INFO, no request
 * beyond the page itself, the layer selector redraws, a click in the model view opens the head. Screenshots go to
 * {@code target/views/}. Needs Debian's {@code chromium} and {@code chromium-driver}; without them the test is
 * skipped, or fails under {@code CI=true}.
 */
class BrowserViewsTest {

    private static final Path PAGES = Path.of("target", "views").toAbsolutePath();

    private static ChromeDriver browser;

    @BeforeAll
    static void writePagesAndStartTheBrowser() throws IOException {
        Optional<Path> chromium = executable("chromium", "chromium-browser");
        Optional<Path> driver = executable("chromedriver");
        if (chromium.isEmpty() || driver.isEmpty()) {
            String message = "chromium and chromedriver are not installed (apt-get install -y chromium"
                    + " chromium-driver): the HTML views were not opened in a browser";
            if (SharedData.isCi()) {
                Assertions.fail(message + "; under CI=true this is a failure, not a skip");
            }
            Assumptions.abort(message);
        }
        Files.createDirectories(PAGES);
        BertVizViews views = new BertVizViews();
        try (Model model = JavaMiniLm.model()) {
            AttentionMap map = new EngineAttentionCapture().capture(model, JavaMiniLm.tokenizer(),
                    "The cat sat on the mat.", "It was happy.");
            Files.writeString(PAGES.resolve("head-view.html"), views.headView(map));
            Files.writeString(PAGES.resolve("model-view.html"), views.modelView(map));
        }
        Path fineTuned = Sst2MiniLm.directory();
        try (Model model = JavaEngine.load(ModelDirectory.load(fineTuned), 2, fineTuned.resolve("config.json"));
                TrainingSession session = model.openSession(new TrainingSpec(List.of(Sst2MiniLm.HEAD), null, 0))) {
            Attribution attribution = new IntegratedGradients().attribute(session, JavaMiniLm.tokenizer(),
                    "a gorgeous , witty film with a dull , lifeless ending", null,
                    new OutputSelector(Sst2MiniLm.HEAD.name(), 1), Baseline.PAD_TOKENS, Rule.GAUSS_LEGENDRE, 50);
            Files.writeString(PAGES.resolve("word-importance.html"), views.wordImportance(attribution));
        }
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        logs.enable(LogType.PERFORMANCE, Level.ALL);
        ChromeOptions options = new ChromeOptions();
        // the Debian binaries, named explicitly: Selenium Manager would otherwise try to download a browser
        options.setBinary(chromium.get().toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--window-size=1100,900", "--force-device-scale-factor=1");
        options.setCapability(ChromeOptions.LOGGING_PREFS, logs);
        browser = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(driver.get().toFile())
                .usingAnyFreePort().build(), options);
    }

    @AfterAll
    static void quit() {
        if (browser != null) {
            browser.quit();
        }
    }

    private static Optional<Path> executable(String... names) {
        String path = System.getenv().getOrDefault("PATH", "/usr/bin:/bin");
        return Stream.of(names).flatMap(name -> Stream.of(path.split(":")).map(dir -> Path.of(dir, name)))
                .filter(Files::isExecutable).findFirst();
    }

    /** Opens a page from disk and checks that it loaded cleanly: no console message above INFO, no request out. */
    private static void open(String page) throws IOException {
        Loaded loaded = load(page);
        assertEquals(List.of(), loaded.console(), page + ": console");
        assertEquals(List.of(PAGES.resolve(page).toUri().toString()), loaded.requests(), page + ": requests");
        assertEquals(List.of(), loaded.failures(), page + ": failed requests");
    }

    /**
     * What loading a page did: console messages above INFO, the URL of every request (from the DevTools network
     * events of the performance log: file:// loads never appear in the page's own Resource Timing) and the requests
     * that failed.
     */
    record Loaded(List<String> console, List<String> requests, List<String> failures) {
    }

    private static Loaded load(String page) throws IOException {
        // drain what earlier pages left in the logs
        browser.manage().logs().get(LogType.BROWSER);
        browser.manage().logs().get(LogType.PERFORMANCE);
        browser.get(PAGES.resolve(page).toUri().toString());
        List<String> console = browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() > Level.INFO.intValue()).map(LogEntry::getMessage).toList();
        List<String> requests = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        ObjectMapper json = new ObjectMapper();
        for (LogEntry entry : browser.manage().logs().get(LogType.PERFORMANCE).getAll()) {
            JsonNode message = json.readTree(entry.getMessage()).path("message");
            switch (message.path("method").asText()) {
                case "Network.requestWillBeSent" -> requests.add(message.path("params").path("request").path("url")
                        .asText());
                case "Network.loadingFailed" -> failures.add(message.path("params").toString());
                default -> { }
            }
        }
        return new Loaded(console, requests, failures);
    }

    private static Object script(String code, Object... arguments) {
        return ((JavascriptExecutor) browser).executeScript(code, arguments);
    }

    private static void screenshot(String name) throws IOException {
        Files.write(PAGES.resolve(name), browser.getScreenshotAs(OutputType.BYTES));
    }

    /** Every drawn line of an element, as its coordinates and opacity. */
    private static String drawn(String selector) {
        return (String) script("return Array.from(document.querySelectorAll(arguments[0])).map(l => ['x1', 'y1',"
                + " 'x2', 'y2', 'stroke-opacity'].map(a => l.getAttribute(a)).join(',')).join(';');", selector);
    }

    /** How many lines a head draws: its weights of at least 0.005 (fainter ones are skipped). */
    private static long expectedLines(int layer, Integer head) {
        return (Long) script("const a = JSON.parse(document.getElementById('attention-data').textContent).attention;"
                + " const heads = arguments[1] === null ? a[arguments[0]] : [a[arguments[0]][arguments[1]]];"
                + " return heads.flat(2).filter(w => w >= 0.005).length;", layer, head);
    }

    @Test
    void theChecksSeeABrokenPage() throws IOException {
        // the page checks must not pass vacuously: a console error and a missing image are both seen
        Files.writeString(PAGES.resolve("broken.html"), "<!DOCTYPE html><html><body><img src=\"missing.png\">"
                + "<script>console.error('broken on purpose');</script></body></html>");
        Loaded loaded = load("broken.html");
        assertTrue(loaded.console().stream().anyMatch(m -> m.contains("broken on purpose")), loaded.toString());
        // the missing image is seen through the network events; Chromium's console line for it may arrive after
        // the logs are read, so it is not asserted on
        assertEquals(2, loaded.requests().size(), loaded.toString());
        assertTrue(loaded.requests().get(1).endsWith("/missing.png"), loaded.toString());
        assertEquals(1, loaded.failures().size(), loaded.toString());
    }

    @Test
    void theHeadViewRedrawsForTheChosenLayer() throws IOException {
        open("head-view.html");
        String layer0 = drawn("#view line");
        assertEquals(expectedLines(0, null), layer0.split(";").length);
        screenshot("head-view.png");
        browser.findElement(By.cssSelector("#controls select option[value='3']")).click();
        String layer3 = drawn("#view line");
        assertNotEquals(layer0, layer3, "the layer selector changed nothing");
        assertEquals(expectedLines(3, null), layer3.split(";").length);
    }

    @Test
    void aClickInTheModelViewOpensTheHead() throws IOException {
        open("model-view.html");
        List<WebElement> cells = browser.findElements(By.cssSelector("#view .cell"));
        assertEquals(6 * 12, cells.size());
        screenshot("model-view.png");
        assertEquals(0, browser.findElements(By.cssSelector("#detail line")).size());
        cells.get(2 * 12 + 5).click();
        assertEquals("Layer 2, head 5", browser.findElement(By.cssSelector("#detail h2")).getText());
        assertEquals(expectedLines(2, 5), browser.findElements(By.cssSelector("#detail line")).size());
        screenshot("model-view-head.png");
    }

    @Test
    void theWordImportancePageColoursBySign() throws IOException {
        open("word-importance.html");
        List<WebElement> tokens = browser.findElements(By.cssSelector(".token"));
        assertEquals("[CLS]", tokens.get(0).getText());
        int green = 0;
        int red = 0;
        for (WebElement token : tokens) {
            float score = Float.parseFloat(token.getAttribute("data-score"));
            String colour = token.getCssValue("background-color");
            if (score > 0) {
                assertTrue(colour.startsWith("rgba(0, 150, 60,"), token.getText() + " " + score + " " + colour);
                green++;
            } else if (score < 0) {
                assertTrue(colour.startsWith("rgba(200, 30, 30,"), token.getText() + " " + score + " " + colour);
                red++;
            }
        }
        assertTrue(green > 0 && red > 0, green + " green, " + red + " red tokens");
        screenshot("word-importance.png");
    }
}
