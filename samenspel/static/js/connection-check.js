/* The connection check page. Once live.js has the socket open, post a ping with the time;
 * the server publishes it back on this page's private stream, and we show the round trip.
 * All texts come from the data-text-* attributes of the result element (translated there).
 */
(function () {
  "use strict";

  const TIMEOUT_MS = 10000;
  const check = document.getElementById("connection-check");
  if (!check) return;
  const form = check.querySelector("form");
  const alertBox = check.querySelector("[data-check-alert]");
  const result = document.getElementById("connection-check-result");
  let timer = null;
  let everOnline = false;

  // kind: an utrecht-alert modifier (info, ok, warning, error); key: which text to show.
  function show(kind, key, milliseconds) {
    const text = result.getAttribute(`data-text-${key}`) || "";
    alertBox.className = `utrecht-alert utrecht-alert--${kind}`;
    result.textContent = text.replace("{ms}", String(milliseconds));
    check.setAttribute("data-check-state", key);
  }

  function waitForAnswer() {
    clearTimeout(timer);
    timer = setTimeout(() => show("error", everOnline ? "no-event" : "no-socket"), TIMEOUT_MS);
  }

  async function ping() {
    show("info", "checking");
    waitForAnswer();
    const data = new FormData(form);
    data.set("sent", String(performance.now()));
    try {
      const response = await fetch(form.action, { method: "POST", body: data });
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
    } catch {
      clearTimeout(timer);
      show("error", "send-failed");
    }
  }

  check.addEventListener("samenspel:live-status", (changed) => {
    const state = changed.detail.state;
    if (state === "online") {
      everOnline = true;
      ping();
    } else if (state === "offline" && everOnline) {
      show("warning", "offline");
      waitForAnswer();
    } else if (state === "expired") {
      clearTimeout(timer);
      show("error", "expired");
    }
  });

  check.addEventListener("samenspel:live", (received) => {
    const event = received.detail.event;
    if (event.type !== "check.pong") return;
    clearTimeout(timer);
    show("ok", "ok", Math.max(0, Math.round(performance.now() - event.sent)));
  });

  form.addEventListener("submit", (submitted) => {
    submitted.preventDefault();
    if (check.getAttribute("data-live-state") === "online") {
      ping();
    } else if (check.getAttribute("data-live-state") !== "expired") {
      show("info", "checking");
      waitForAnswer(); // live.js keeps trying; "online" sends the ping
    }
  });

  check.hidden = false;
  show("info", "checking");
  waitForAnswer();
  if (check.getAttribute("data-live-state") === "online") ping();
})();
