package io.bertlab.analysis.attribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.bertlab.analysis.BertVizViews;
import io.bertlab.analysis.EngineAttentionCapture;
import io.bertlab.analysis.NeuronCapture;
import io.bertlab.analysis.NeuronView;
import io.bertlab.api.analysis.AttentionMap;
import io.bertlab.api.analysis.Attribution;
import io.bertlab.api.analysis.AttributionMethod.Baseline;
import io.bertlab.api.analysis.AttributionMethod.Rule;
import io.bertlab.api.model.Model;
import io.bertlab.api.model.OutputSelector;
import io.bertlab.api.model.TrainingSession;
import io.bertlab.api.model.TrainingSpec;
import io.bertlab.api.tokenizer.Encoding;
import io.bertlab.engine.java.JavaEngine;
import io.bertlab.model.bert.ModelDirectory;
import io.bertlab.testing.SharedData;
import io.bertlab.testing.models.JavaMiniLm;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * The four HTML views, written from real outputs (all-MiniLM-L6-v2's attention, queries and keys; Integrated Gradients
 * of the model fine-tuned for SST-2), opened from disk in a real headless Chromium: no console message above INFO, no
 * request beyond the page itself, the layer selector redraws, a click in the model view opens the head, a click on a
 * token of the neuron view redraws its vectors, and a 512-token neuron view draws only the rows in sight. Screenshots
 * go to
 * {@code target/views/}. Needs Debian's {@code chromium} and {@code chromium-driver}; without them the test is
 * skipped, or fails under {@code CI=true}.
 */
class BrowserViewsTest {

    private static final Path PAGES = Path.of("target", "views").toAbsolutePath();

    private static ChromeDriver browser;

    /** The neuron view's capture, for the numbers the page must show. */
    private static NeuronView neuron;

    private static final String LONG_TEXT = "The committee met on Tuesday to discuss the budget, which had grown by"
            + " twelve percent since last year. Several members argued that the new library, the bridge over the"
            + " river and the school's roof could not all be paid for; others wanted to borrow. After three hours,"
            + " nobody had changed their mind, and the chair adjourned until Friday. ";

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
            // layer 0, head 2: all-MiniLM-L6-v2's previous-token head (0.9995 of its attention, attention-stats)
            Encoding pair = EngineAttentionCapture.encode(model, JavaMiniLm.tokenizer(), "The cat sat on the mat.",
                    "It was happy.");
            neuron = NeuronCapture.capture(model, pair, JavaMiniLm.checkpoint().weights(), 0, 2);
            Files.writeString(PAGES.resolve("neuron-view.html"), views.neuronView(neuron));
            Encoding full = EngineAttentionCapture.encode(model, JavaMiniLm.tokenizer(), LONG_TEXT.repeat(10), null);
            NeuronView longView = NeuronCapture.capture(model, full, JavaMiniLm.checkpoint().weights(), 5, 0);
            Files.writeString(PAGES.resolve("neuron-view-512.html"), views.neuronView(longView));
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
        // the test's timeout for any page, the 512-token neuron view included
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60)).scriptTimeout(Duration.ofSeconds(60));
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
    /** A canvas's pixels, as a data URL. */
    private static String pixels(String id) {
        return (String) script("return document.getElementById(arguments[0]).toDataURL();", id);
    }

    private static String data(String name) {
        return (String) script("return document.getElementById('rows').dataset[arguments[0]];", name);
    }

    /** Moves the mouse to a point of the rows canvas given from its top left corner (Selenium offsets are from the centre). */
    private static Actions at(int x, int y) {
        WebElement rows = browser.findElement(By.id("rows"));
        return new Actions(browser).moveToElement(rows, x - rows.getSize().getWidth() / 2,
                y - rows.getSize().getHeight() / 2);
    }

    @Test
    void aClickOnATokenOfTheNeuronViewRedrawsItsVectors() throws IOException {
        open("neuron-view.html");
        assertEquals("Neuron view: layer 0, head 2", browser.getTitle());
        assertEquals("query 0: [CLS]", browser.findElement(By.id("query-token")).getText());
        String header = pixels("header");
        String rows = pixels("rows");
        int row = Integer.parseInt(data("row"));
        // "sat" (token 3) becomes the query
        at(40, 3 * row + row / 2).click().perform();
        assertEquals("3", data("query"));
        assertEquals("query 3: sat", browser.findElement(By.id("query-token")).getText());
        assertNotEquals(header, pixels("header"), "q_i was not redrawn");
        assertNotEquals(rows, pixels("rows"), "the rows were not redrawn");
        // the weight the page shows for sat -> cat is the engine's own (hovering the softmax column prints it)
        at(Integer.parseInt(data("bar")) + 20, 2 * row + row / 2).perform();
        String status = browser.findElement(By.id("status")).getText();
        assertTrue(status.startsWith("sat → cat: score "), status);
        double shown = Double.parseDouble(status.substring(status.indexOf("weight ") + 7));
        assertEquals(neuron.attention(2, 3, 2), shown, 0.5e-4 + NeuronView.TOLERANCE, status);
        assertTrue(shown > 0.9, "the previous-token head puts " + shown + " on the previous token");
        screenshot("neuron-view.png");

        // another head: the title follows, and the drawing changes
        String before = pixels("rows");
        browser.findElement(By.cssSelector("#head option[value='7']")).click();
        assertEquals("Neuron view: layer 0, head 7", browser.getTitle());
        assertEquals("7", data("head"));
        assertNotEquals(before, pixels("rows"));
    }

    @Test
    void aNeuronViewOf512TokensDrawsOnlyWhatIsInSight() throws IOException {
        open("neuron-view-512.html");
        long elements = (Long) script("return document.getElementsByTagName('*').length;");
        long drawnMs = Long.parseLong(data("drawnMs"));
        System.out.printf("512-token neuron view: %d KB, %d elements, first drawn %d ms after navigation%n",
                Files.size(PAGES.resolve("neuron-view-512.html")) / 1024, elements, drawnMs);
        // 12 head options, the canvases, the data blocks and a handful of paragraphs: no element per token or cell
        assertTrue(elements < 60, elements + " elements");
        int first = Integer.parseInt(data("first"));
        int last = Integer.parseInt(data("last"));
        assertEquals(0, first);
        assertTrue(last - first <= 30, first + ".." + last);
        // scrolled to the end, the last rows are drawn, and the last token can be made the query
        script("const s = document.getElementById('scroller'); s.scrollTop = s.scrollHeight;");
        ((JavascriptExecutor) browser).executeAsyncScript("window.requestAnimationFrame(() =>"
                + " window.requestAnimationFrame(arguments[arguments.length - 1]));");
        assertEquals("511", data("last"));
        int row = Integer.parseInt(data("row"));
        WebElement rows = browser.findElement(By.id("rows"));
        // 30 rows of 18 px below the page's text: bring the box's bottom into the 900-pixel window
        script("document.getElementById('scroller').scrollIntoView({block: 'end'});");
        at(40, rows.getSize().getHeight() - row / 2).click().perform();
        assertEquals("511", data("query"));
        assertEquals("query 511: [SEP]", browser.findElement(By.id("query-token")).getText());
        screenshot("neuron-view-512.png");
    }
}
