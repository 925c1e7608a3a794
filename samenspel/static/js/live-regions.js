// Swaps the fragments that live events carry into the page's [data-live-region] elements and
// announces them politely. After a reconnect it re-fetches the page and takes its regions
// from there: the database is the truth, the socket only the fast path.
(function () {
  "use strict";

  function swap(region, html) {
    var target = document.querySelector('[data-live-region="' + region + '"]');
    if (!target) return;
    target.innerHTML = html;
    // Fragments are rendered once for everybody, so without this visitor's CSRF token: give
    // their forms the one this page already has.
    var token = document.querySelector('input[name="csrfmiddlewaretoken"]');
    if (!token) return;
    target.querySelectorAll('form[method="post"]').forEach(function (form) {
      var field = form.querySelector('input[name="csrfmiddlewaretoken"]');
      if (!field) {
        field = document.createElement("input");
        field.type = "hidden";
        field.name = "csrfmiddlewaretoken";
        form.prepend(field);
      }
      field.value = token.value;
    });
  }

  function announce(text) {
    var announcer = document.querySelector("[data-live-announcer]");
    if (announcer && text) announcer.textContent = text;
  }

  function resync() {
    fetch(window.location.href, { credentials: "same-origin" })
      .then(function (response) { return response.ok ? response.text() : Promise.reject(); })
      .then(function (html) {
        var fresh = new DOMParser().parseFromString(html, "text/html");
        fresh.querySelectorAll("[data-live-region]").forEach(function (region) {
          swap(region.getAttribute("data-live-region"), region.innerHTML);
        });
      })
      .catch(function () { /* the next reconnect tries again */ });
  }

  document.addEventListener("samenspel:live", function (e) {
    var event = e.detail && e.detail.event;
    if (!event) return;
    if (event.reload) {
      // The round changed: the page itself is different now.
      window.location.reload();
      return;
    }
    if (!event.region) return;
    swap(event.region, event.html || "");
    announce(event.announce);
  });

  document.addEventListener("samenspel:live-status", function (e) {
    if (e.detail && e.detail.reconnected) resync();
  });
})();
