// Swaps the fragments that live events carry into the page's [data-live-region] elements and
// announces them politely. After a reconnect it re-fetches the page and takes its regions
// from there: the database is the truth, the socket only the fast path.
//
// The page says which version of the workshop it shows (data-live-version). A frame whose
// version is not newer is already on the page: the page that made a change, say, loads
// after it and must not reload again when the change is announced.
(function () {
  "use strict";

  var root = document.querySelector("[data-live-version]");
  var shown = root ? Number(root.getAttribute("data-live-version")) : -1;
  // A form post is under way: the page that answers it shows the change already.
  var leaving = false;
  document.addEventListener("submit", function () { leaving = true; });
  window.addEventListener("pageshow", function () { leaving = false; });

  function isNew(version) {
    return version === null || version === undefined || Number(version) > shown;
  }

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
        var freshRoot = fresh.querySelector("[data-live-version]");
        if (freshRoot) shown = Number(freshRoot.getAttribute("data-live-version"));
        fresh.querySelectorAll("[data-live-region]").forEach(function (region) {
          swap(region.getAttribute("data-live-region"), region.innerHTML);
        });
      })
      .catch(function () { /* the next reconnect tries again */ });
  }

  document.addEventListener("samenspel:live", function (e) {
    var event = e.detail && e.detail.event;
    if (!event || !isNew(e.detail.version)) return;
    if (event.reload) {
      // The round changed: the page itself is different now.
      if (!leaving) window.location.reload();
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
