/* Live updates. Every element with data-live-token gets a WebSocket to /ws/live.
 *
 * On that element this script dispatches (all bubble):
 *   "samenspel:live-frame"   one per received frame; detail: {stream, version, events}
 *                            (a new socket's first frame may have no events: it only says
 *                            the stream's version)
 *   "samenspel:live"         one per received event; detail: {event, version, stream}
 *   "samenspel:live-status"  on connection changes; detail: {state, reconnected}
 * and keeps data-live-state at "connecting", "online", "offline" or "expired".
 * When "reconnected" is true, events may have been missed: re-fetch what is shown.
 *
 * If the element has data-live-status="<id>", the element with that id (give it
 * aria-live="polite") gets the text of its data-text-offline, data-text-online or
 * data-text-expired attribute, so the page can say "offline, we try again".
 */
(function () {
  "use strict";

  const CLOSE_REFUSED = 4403; // token forged or expired: only a reload helps
  const CLOSE_RESYNC = 4008; // we fell behind: reconnect at once, then re-fetch
  const FIRST_DELAY_MS = 1000;
  const MAX_DELAY_MS = 30000;
  const STABLE_MS = 5000; // open this long before a drop counts as a fresh start

  function socketUrl(token) {
    const scheme = window.location.protocol === "https:" ? "wss:" : "ws:";
    return `${scheme}//${window.location.host}/ws/live?token=${encodeURIComponent(token)}`;
  }

  function connect(element) {
    const token = element.getAttribute("data-live-token");
    let socket = null;
    let timer = null;
    let attempt = 0;
    let openedAt = 0;
    let everOnline = false;
    let stopped = false;

    function showStatus(state) {
      const status = document.getElementById(element.getAttribute("data-live-status") || "");
      if (!status) return;
      // Say nothing on the first connect; say "back online" only after being offline.
      const key = state === "online" ? (everOnline ? "online" : "") : state;
      const text = (key && status.getAttribute(`data-text-${key}`)) || "";
      if (status.textContent !== text) status.textContent = text;
    }

    function setState(state) {
      if (element.getAttribute("data-live-state") === state) return;
      const reconnected = state === "online" && everOnline;
      element.setAttribute("data-live-state", state);
      if (state === "offline" || state === "expired" || state === "online") showStatus(state);
      if (state === "online") everOnline = true;
      element.dispatchEvent(
        new CustomEvent("samenspel:live-status", { bubbles: true, detail: { state, reconnected } }),
      );
    }

    function dispatchFrame(message) {
      let frame;
      try {
        frame = JSON.parse(message.data);
      } catch {
        return;
      }
      element.dispatchEvent(
        new CustomEvent("samenspel:live-frame", {
          bubbles: true,
          detail: { stream: frame.stream, version: frame.version, events: frame.events || [] },
        }),
      );
      for (const event of frame.events || []) {
        element.dispatchEvent(
          new CustomEvent("samenspel:live", {
            bubbles: true,
            detail: { event, version: frame.version, stream: frame.stream },
          }),
        );
      }
    }

    function open() {
      clearTimeout(timer);
      timer = null;
      if (stopped || socket) return;
      socket = new WebSocket(socketUrl(token));
      socket.addEventListener("open", () => {
        openedAt = Date.now();
        setState("online");
      });
      socket.addEventListener("message", dispatchFrame);
      socket.addEventListener("close", (closed) => {
        socket = null;
        if (closed.code === CLOSE_REFUSED) {
          setState("expired");
          return;
        }
        setState("offline");
        if (stopped) return;
        if (openedAt && Date.now() - openedAt > STABLE_MS) attempt = 0;
        openedAt = 0;
        // Exponential backoff with jitter, so a room full of phones does not come back
        // at the same moment; a dropped (too slow) client comes back quickly.
        const ceiling =
          closed.code === CLOSE_RESYNC ? 500 : Math.min(MAX_DELAY_MS, FIRST_DELAY_MS * 2 ** attempt);
        attempt += 1;
        timer = setTimeout(open, ceiling / 2 + (Math.random() * ceiling) / 2);
      });
    }

    // Back on the network, or back to this tab: do not wait out the backoff.
    function retryNow() {
      if (!socket && !stopped && element.getAttribute("data-live-state") !== "expired") open();
    }
    window.addEventListener("online", retryNow);
    document.addEventListener("visibilitychange", () => {
      if (document.visibilityState === "visible") retryNow();
    });
    // Close on leaving, so the page can be kept in the back/forward cache; reopen on return.
    window.addEventListener("pagehide", () => {
      stopped = true;
      clearTimeout(timer);
      if (socket) socket.close(1000);
    });
    window.addEventListener("pageshow", (shown) => {
      if (!shown.persisted) return;
      stopped = false;
      retryNow();
    });

    setState("connecting");
    open();
  }

  document.querySelectorAll("[data-live-token]").forEach(connect);
})();
