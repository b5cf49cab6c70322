// The neuron view: for the chosen query token i and head, every key token j's k_j, q_i∘k_j, q_i·k_j/√d and softmax
// weight. Everything is drawn on two canvases, and only the rows in sight (the rows canvas sticks to the top of a
// scrolled box as tall as all rows), so 512 tokens cost no more DOM nodes than 5.
(function () {
  'use strict';
  const meta = JSON.parse(document.getElementById('neuron-data').textContent);
  const tokens = meta.tokens, n = tokens.length, heads = meta.heads, d = meta.head_size, width = heads * d;
  const bStart = meta.sentence_b_start, attended = meta.attended;

  // float32, little-endian as Java's ByteBuffer wrote them (every platform browsers run on is little-endian)
  function floats(id) {
    const text = atob(document.getElementById(id).textContent.trim());
    const bytes = new Uint8Array(text.length);
    for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
    return new Float32Array(bytes.buffer);
  }
  const Q = floats('queries'), K = floats('keys');

  // layout: query tokens | k_j | q_i∘k_j | score | softmax bar and weight | key tokens
  const ROW = 18, TOKEN = 100, GAP = 12, CELL = Math.max(2, Math.min(8, Math.floor(256 / d))), VEC = CELL * d;
  const X_K = TOKEN + GAP, X_QK = X_K + VEC + GAP, X_SCORE = X_QK + VEC + GAP, SCORE = 60;
  const X_BAR = X_SCORE + SCORE + 8, BAR = 90, WEIGHT = 50, X_RIGHT = X_BAR + BAR + WEIGHT + GAP;
  const WIDTH = X_RIGHT + TOKEN, VISIBLE = Math.min(n, 30), HEADER = 3 * ROW + 6;
  const FONT = '12px monospace', POSITIVE = '33,102,172', NEGATIVE = '214,96,77';

  const title = document.getElementById('title'), select = document.getElementById('head');
  const queryLabel = document.getElementById('query-token'), status = document.getElementById('status');
  const header = document.getElementById('header'), rows = document.getElementById('rows');
  const scroller = document.getElementById('scroller');
  document.getElementById('spacer').style.height = (n * ROW) + 'px';
  scroller.style.height = (VISIBLE * ROW) + 'px';
  scroller.style.width = (WIDTH + 20) + 'px';

  function setUp(canvas, w, h) {
    const ratio = window.devicePixelRatio || 1;
    canvas.width = Math.round(w * ratio);
    canvas.height = Math.round(h * ratio);
    canvas.style.width = w + 'px';
    canvas.style.height = h + 'px';
    const g = canvas.getContext('2d');
    g.setTransform(ratio, 0, 0, ratio, 0, 0);
    return g;
  }
  const gh = setUp(header, WIDTH, HEADER), gr = setUp(rows, WIDTH, VISIBLE * ROW);
  // the geometry, for whoever drives the page (the browser test clicks and hovers by it)
  rows.dataset.row = ROW;
  rows.dataset.tokenWidth = TOKEN;
  rows.dataset.bar = X_BAR;

  for (let h = 0; h < heads; h++) {
    const o = document.createElement('option');
    o.value = h;
    o.textContent = 'head ' + h;
    select.appendChild(o);
  }

  let head = meta.head, query = 0, vectorScale = 1, productScale = 1;
  let q = new Float64Array(d), scores = new Float64Array(n), weights = new Float64Array(n);

  function key(j, c) { return K[j * width + head * d + c]; }

  function colour(v, scale) {
    const a = scale > 0 ? Math.min(1, Math.abs(v) / scale) : 0;
    return 'rgba(' + (v >= 0 ? POSITIVE : NEGATIVE) + ',' + a.toFixed(3) + ')';
  }

  function fit(g, text, room) {
    if (g.measureText(text).width <= room) return text;
    let t = text;
    while (t.length > 1 && g.measureText(t + '…').width > room) t = t.slice(0, -1);
    return t + '…';
  }

  function cells(g, x, y, value, scale) {
    const w = CELL > 3 ? CELL - 1 : CELL;
    for (let c = 0; c < d; c++) {
      g.fillStyle = colour(value(c), scale);
      g.fillRect(x + c * CELL, y + 3, w, ROW - 6);
    }
  }

  function tokenText(g, i, x, align, bold) {
    const segmentB = bStart >= 0 && i >= bStart;
    g.font = (segmentB ? 'italic ' : '') + (bold ? 'bold ' : '') + FONT;
    g.textAlign = align;
    g.fillStyle = segmentB ? '#335' : '#000';
    g.fillText(fit(g, tokens[i], TOKEN - 8), x, 0);
  }

  function legend(g, x, y, scale, label) {
    g.font = FONT;
    g.fillStyle = '#000';
    g.textAlign = 'right';
    g.fillText('−' + scale.toPrecision(3), x + 44, y + ROW / 2);
    const span = VEC - 100;
    for (let s = 0; s < span; s++) {
      g.fillStyle = colour((2 * s / (span - 1) - 1) * scale, scale);
      g.fillRect(x + 48 + s, y + 4, 1, ROW - 8);
    }
    g.textAlign = 'left';
    g.fillStyle = '#000';
    g.fillText('+' + scale.toPrecision(3) + label, x + 52 + span, y + ROW / 2);
  }

  function drawHeader() {
    gh.clearRect(0, 0, WIDTH, HEADER);
    gh.textBaseline = 'middle';
    gh.font = 'bold ' + FONT;
    gh.fillStyle = '#000';
    const y0 = ROW / 2;
    gh.textAlign = 'right';
    gh.fillText('query i', TOKEN - 4, y0);
    gh.fillText('q·k/√d', X_SCORE + SCORE - 4, y0);
    gh.textAlign = 'left';
    gh.fillText('k_j', X_K, y0);
    gh.fillText('q_i ∘ k_j', X_QK, y0);
    gh.fillText('softmax', X_BAR, y0);
    gh.fillText('key j', X_RIGHT + 4, y0);
    gh.save();
    gh.translate(0, ROW + ROW / 2);
    tokenText(gh, query, TOKEN - 4, 'right', true);
    gh.restore();
    cells(gh, X_K, ROW, c => q[c], vectorScale);
    gh.font = FONT;
    gh.textAlign = 'left';
    gh.fillStyle = '#000';
    gh.fillText('← q_i', X_K + VEC + 4, ROW + ROW / 2);
    legend(gh, X_K, 2 * ROW + 2, vectorScale, '');
    legend(gh, X_QK, 2 * ROW + 2, productScale, '');
  }

  let first = 0;
  function drawRows() {
    const top = scroller.scrollTop;
    first = Math.floor(top / ROW);
    const offset = top - first * ROW, last = Math.min(n - 1, first + VISIBLE);
    gr.clearRect(0, 0, WIDTH, VISIBLE * ROW);
    gr.textBaseline = 'middle';
    for (let j = first; j <= last; j++) {
      const y = (j - first) * ROW - offset;
      if (j === query) {
        gr.fillStyle = '#fff3b0';
        gr.fillRect(0, y, TOKEN, ROW);
      }
      if (bStart > 0 && j === bStart) {
        gr.fillStyle = '#bbb';
        gr.fillRect(0, y, WIDTH, 1);
      }
      gr.save();
      gr.translate(0, y + ROW / 2);
      tokenText(gr, j, TOKEN - 4, 'right', j === query);
      tokenText(gr, j, X_RIGHT + 4, 'left', false);
      gr.restore();
      cells(gr, X_K, y, c => key(j, c), vectorScale);
      cells(gr, X_QK, y, c => q[c] * key(j, c), productScale);
      gr.font = FONT;
      gr.fillStyle = '#000';
      gr.textAlign = 'right';
      gr.fillText(attended[j] ? scores[j].toFixed(2) : 'masked', X_SCORE + SCORE - 4, y + ROW / 2);
      gr.fillStyle = 'rgba(33,102,172,0.85)';
      gr.fillRect(X_BAR, y + 3, BAR * weights[j], ROW - 6);
      gr.fillStyle = '#000';
      gr.textAlign = 'left';
      gr.fillText(weights[j].toFixed(3), X_BAR + BAR + 4, y + ROW / 2);
    }
    rows.dataset.first = first;
    rows.dataset.last = last;
  }

  function chooseQuery(i) {
    query = i;
    for (let c = 0; c < d; c++) q[c] = Q[i * width + head * d + c];
    let max = -Infinity;
    productScale = 0;
    for (let j = 0; j < n; j++) {
      if (!attended[j]) { scores[j] = -Infinity; continue; }
      let dot = 0;
      for (let c = 0; c < d; c++) {
        const p = q[c] * key(j, c);
        dot += p;
        productScale = Math.max(productScale, Math.abs(p));
      }
      scores[j] = dot / Math.sqrt(d);
      max = Math.max(max, scores[j]);
    }
    let sum = 0;
    for (let j = 0; j < n; j++) { weights[j] = Math.exp(scores[j] - max); sum += weights[j]; }
    for (let j = 0; j < n; j++) weights[j] /= sum;
    queryLabel.textContent = 'query ' + i + ': ' + tokens[i];
    rows.dataset.query = i;
    drawHeader();
    drawRows();
  }

  function chooseHead(h) {
    head = h;
    select.value = h;
    vectorScale = 0;
    for (let t = 0; t < n; t++) {
      for (let c = 0; c < d; c++) {
        vectorScale = Math.max(vectorScale, Math.abs(Q[t * width + h * d + c]), Math.abs(key(t, c)));
      }
    }
    const name = 'Neuron view: layer ' + meta.layer + ', head ' + h;
    title.textContent = name;
    document.title = name;
    rows.dataset.head = h;
    chooseQuery(query);
  }

  // row j is drawn at (j - first) * ROW - (scrollTop - first * ROW), i.e. at j * ROW - scrollTop
  function rowAt(event) {
    const box = rows.getBoundingClientRect();
    return { j: Math.floor((event.clientY - box.top + scroller.scrollTop) / ROW), x: event.clientX - box.left };
  }

  function column(x) {
    if (x >= X_K && x < X_K + VEC) return ['k', Math.floor((x - X_K) / CELL)];
    if (x >= X_QK && x < X_QK + VEC) return ['qk', Math.floor((x - X_QK) / CELL)];
    return [x < TOKEN ? 'query' : 'other', -1];
  }

  rows.addEventListener('click', event => {
    const at = rowAt(event);
    if (at.x < TOKEN && at.j >= 0 && at.j < n) chooseQuery(at.j);
  });
  rows.addEventListener('mousemove', event => {
    const at = rowAt(event);
    if (at.j < 0 || at.j >= n) return;
    const [what, c] = column(at.x);
    rows.style.cursor = what === 'query' ? 'pointer' : 'default';
    const j = at.j;
    if (what === 'k') {
      status.textContent = 'k_' + j + '[' + c + '] = ' + key(j, c).toFixed(4) + '   (' + tokens[j] + ')';
    } else if (what === 'qk') {
      status.textContent = 'q_' + query + '[' + c + '] × k_' + j + '[' + c + '] = ' + q[c].toFixed(4) + ' × '
        + key(j, c).toFixed(4) + ' = ' + (q[c] * key(j, c)).toFixed(4);
    } else if (what === 'query') {
      status.textContent = 'click to make ' + tokens[j] + ' (' + j + ') the query';
    } else {
      status.textContent = tokens[query] + ' → ' + tokens[j] + ': score ' + scores[j].toFixed(4) + ', weight '
        + weights[j].toFixed(4);
    }
  });
  header.addEventListener('mousemove', event => {
    const box = header.getBoundingClientRect();
    const x = event.clientX - box.left, y = event.clientY - box.top;
    if (y >= ROW && y < 2 * ROW && x >= X_K && x < X_K + VEC) {
      const c = Math.floor((x - X_K) / CELL);
      status.textContent = 'q_' + query + '[' + c + '] = ' + q[c].toFixed(4) + '   (' + tokens[query] + ')';
    }
  });
  scroller.addEventListener('scroll', () => window.requestAnimationFrame(drawRows));
  scroller.addEventListener('keydown', event => {
    const step = event.key === 'ArrowDown' ? 1 : event.key === 'ArrowUp' ? -1 : 0;
    if (step === 0 || query + step < 0 || query + step >= n) return;
    event.preventDefault();
    chooseQuery(query + step);
    if (query < first + 1 || query > first + VISIBLE - 2) {
      scroller.scrollTop = Math.max(0, (query - Math.floor(VISIBLE / 2)) * ROW);
    }
  });
  select.addEventListener('change', () => chooseHead(Number(select.value)));

  chooseHead(head);
  rows.dataset.drawnMs = Math.round(performance.now());
})();
