/* A phone's forms, sent in the background: a tap posts with fetch and the page takes the
 * regions of the answer (live-regions.js), so it keeps its place, its focus and its socket.
 * A post that cannot reach the server — the Wi-Fi dropped, the server restarts, the database
 * is busy — is kept on this phone and sent again, with the same key so it counts once, as
 * soon as there is a connection; the page says how many are waiting. Without JavaScript the
 * same forms post as usual.
 */
(function () {
  "use strict";

  var root = document.querySelector("[data-background-forms]");
  if (!root || !window.fetch || !window.FormData || !window.samenspelTakeRegions) return;

  var STORE = "samenspel-unsent:" + window.location.pathname;
  var GIVE_UP_MS = 15000; // a request on bad Wi-Fi that hangs this long is tried again
  var RETRY_MS = 5000;
  var status = document.getElementById("unsent-status");
  var sending = false;
  var forms = {}; // key of a post sent from this page -> {form, what it held}, to empty it

  function contents(form) {
    return JSON.stringify(Array.from(new FormData(form).entries()).filter(function (field) {
      return field[0] !== "key" && field[0] !== "csrfmiddlewaretoken";
    }));
  }

  function waiting() {
    try {
      return JSON.parse(window.localStorage.getItem(STORE) || "[]");
    } catch (e) {
      return [];
    }
  }

  function keep(list) {
    try {
      if (list.length) window.localStorage.setItem(STORE, JSON.stringify(list));
      else window.localStorage.removeItem(STORE);
    } catch (e) { /* private mode without storage: the post is tried while the page lives */ }
  }

  function newKey() {
    if (window.crypto && window.crypto.randomUUID) return window.crypto.randomUUID();
    return String(Date.now()) + String(Math.random()).slice(2);
  }

  function say() {
    if (!status) return;
    var count = waiting().length;
    var text = count ? status.getAttribute("data-text-unsent").replace("{n}", String(count)) : "";
    if (status.textContent !== text) status.textContent = text;
  }

  function post(item) {
    var body = new FormData();
    item.fields.forEach(function (pair) { body.append(pair[0], pair[1]); });
    var stop = new AbortController();
    var timer = window.setTimeout(function () { stop.abort(); }, GIVE_UP_MS);
    // While the socket is up it brings the group's lists as they change: the answer then
    // needs to hold only what is this phone's own (views.BACKGROUND_ANSWER).
    var socket = document.querySelector("[data-live-state]");
    var live = socket && socket.getAttribute("data-live-state") === "online";
    var headers = live ? { "X-Samenspel-Answer": "mine" } : {};
    return fetch(item.action, {
      method: "POST", body: body, credentials: "same-origin", signal: stop.signal,
      headers: headers,
    }).then(function (response) {
      window.clearTimeout(timer);
      // 5xx (a busy database, a restart): not carried out, so try again later.
      if (response.status >= 500) throw new Error("not now");
      return response.text().then(function (html) { return { ok: response.ok, html: html }; });
    }, function (error) {
      window.clearTimeout(timer);
      throw error;
    });
  }

  function keyOf(item) {
    var pair = item.fields.filter(function (field) { return field[0] === "key"; })[0];
    return pair ? pair[1] : "";
  }

  // Send what waits, oldest first, one at a time; stop at the first that cannot go yet.
  function flush() {
    if (sending) return;
    var list = waiting();
    say();
    if (!list.length) return;
    sending = true;
    var item = list[0];
    post(item).then(function (answer) {
      keep(waiting().slice(1));
      sending = false;
      window.samenspelTakeRegions(answer.html);
      var sent = forms[keyOf(item)];
      delete forms[keyOf(item)];
      // Empty the form for the next note, unless it was typed on meanwhile.
      if (answer.ok && sent && document.contains(sent.form) &&
          contents(sent.form) === sent.contents) sent.form.reset();
      flush();
    }, function () {
      sending = false;
      say();
    });
  }

  // Capturing, so live-regions.js sees the post handled here and the page stays.
  document.addEventListener("submit", function (e) {
    var form = e.target;
    if (!(form instanceof HTMLFormElement) || !root.contains(form)) return;
    if (form.method.toLowerCase() !== "post") return;
    e.preventDefault();
    var button = e.submitter;
    var data = new FormData(form);
    if (button && button.name) data.append(button.name, button.value);
    var key = newKey(); // this tap; its retries keep it
    data.set("key", key);
    forms[key] = { form: form, contents: contents(form) };
    var action = button && button.hasAttribute("formaction") ? button.formAction : form.action;
    keep(waiting().concat([{ action: action, fields: Array.from(data.entries()) }]));
    flush();
  }, true);

  window.addEventListener("online", function () { flush(); });
  document.addEventListener("samenspel:live-status", function (e) {
    if (e.detail && e.detail.state === "online") flush();
  });
  window.setInterval(function () { if (waiting().length) flush(); }, RETRY_MS);
  flush(); // what a previous visit of this page could not send
})();
