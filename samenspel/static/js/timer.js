// Counts down to the one end time the server gave ([data-timer-ends]), on every screen alike.
// Without JavaScript the page says until what time the round runs.
(function () {
  "use strict";

  function tick() {
    document.querySelectorAll("[data-timer-ends]").forEach(function (timer) {
      var left = Math.round((Date.parse(timer.getAttribute("data-timer-ends")) - Date.now()) / 1000);
      var out = timer.querySelector(".samenspel-timer__left");
      if (!out) return;
      if (left <= 0) {
        out.textContent = timer.getAttribute("data-text-done");
        return;
      }
      var minutes = Math.floor(left / 60);
      var seconds = left % 60;
      out.textContent = minutes + ":" + (seconds < 10 ? "0" : "") + seconds;
    });
  }

  tick();
  window.setInterval(tick, 1000);
})();
