// Swaps the fragments that live frames carry into the page's [data-live-region] elements and
// announces them politely. The database is the truth, the socket only the fast path: after a
// reconnect, or when the first frame says the workshop moved on since the page was rendered,
// it re-fetches the page and takes its regions from there (or loads it anew if its stage —
// the round, the sharing, the end — changed meanwhile).
//
// The page says which version of the workshop it shows (data-live-version), and each event
// the version it was rendered at. An event that is not newer than the page is already on it
// (the page that made a change, say, loads after it and must not reload again when the
// change is announced); one older than what its region got since would turn it back. One
// change's events can come in two frames, so a frame's version does not settle its events.
(function () {
  "use strict";

  var root = document.querySelector("[data-live-version]");
  if (!root) return;
  var shown = Number(root.getAttribute("data-live-version"));
  var stage = root.getAttribute("data-live-stage");
  // A form post is under way: the page that answers it shows the change already.
  var leaving = false;
  var fetching = null;
  document.addEventListener("submit", function (e) { if (!e.defaultPrevented) leaving = true; });
  window.addEventListener("pageshow", function () { leaving = false; });

  var regionAt = {}; // region -> the version of what it shows now

  function isNew(version) {
    return version === null || version === undefined || Number(version) > shown;
  }

  function fits(event, frameVersion) {
    var version = event.version != null ? event.version : frameVersion;
    if (!isNew(version)) return false;
    if (event.region && version != null) {
      var at = regionAt[event.region];
      if (at !== undefined && Number(version) < at) return false;
      regionAt[event.region] = Number(version);
    }
    return true;
  }

  function reload() {
    if (!leaving) window.location.reload();
  }

  var later = {}; // region -> html held back while someone types in it
  var stale = {}; // regions that heard an addition while held back

  function typing(element) {
    return element && /^(INPUT|TEXTAREA|SELECT)$/.test(element.tagName) &&
      element.type !== "submit" && element.type !== "button";
  }

  function swap(region, html) {
    var target = document.querySelector('[data-live-region="' + region + '"]');
    if (!target) return;
    var focused = document.activeElement;
    var inside = focused && focused !== document.body && target.contains(focused);
    if (inside && typing(focused)) {
      // Do not wipe what someone is typing (a reason to hide a note, say): swap once the
      // focus leaves the region.
      if (!(region in later)) {
        target.addEventListener("focusout", function settle() {
          window.setTimeout(function () {
            if (target.contains(document.activeElement)) return;
            target.removeEventListener("focusout", settle);
            var waiting = later[region];
            delete later[region];
            swap(region, waiting);
          }, 0);
        });
      }
      later[region] = html;
      return;
    }
    var chosen = target.tagName === "SELECT" ? target.value : null;
    target.innerHTML = html;
    if (chosen) target.value = chosen; // a list of options that grew keeps what was picked
    if (inside) {
      // The button that was pressed is gone: keep the keyboard where it was.
      target.setAttribute("tabindex", "-1");
      target.focus({ preventScroll: true });
    }
    giveToken(target);
    if (stale[region]) {
      delete stale[region];
      resync(); // an addition came while this region waited: fetch what it holds now
    }
  }

  // Fragments are rendered once for everybody, so without this visitor's CSRF token: give
  // their forms the one this page already has.
  function giveToken(element) {
    var token = document.querySelector('input[name="csrfmiddlewaretoken"]');
    if (!token) return;
    element.querySelectorAll('form[method="post"]').forEach(function (form) {
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

  // One item more in a region's list (a new note, a new choice in a list of options). The
  // frame may bring what the page already shows — it was fetched meanwhile — so an item
  // with the same id (or value) is replaced, not added twice.
  function add(region, html, emptyList) {
    var target = document.querySelector('[data-live-region="' + region + '"]');
    if (!target) return;
    if (region in later) stale[region] = true;
    var list = target.tagName === "SELECT" ? target : target.querySelector("[data-live-list]");
    if (!list && emptyList) {
      target.innerHTML = emptyList; // the first one: instead of "no notes yet"
      list = target.querySelector("[data-live-list]");
    }
    if (!list) return;
    var template = document.createElement("template");
    template.innerHTML = html;
    var item = template.content.firstElementChild;
    if (!item) return;
    var same = item.id ? document.getElementById(item.id)
      : list.querySelector('option[value="' + item.getAttribute("value") + '"]');
    if (same && list.contains(same)) list.replaceChild(item, same);
    else list.appendChild(item);
    giveToken(item);
  }

  function announce(text) {
    var announcer = document.querySelector("[data-live-announcer]");
    if (announcer && text) announcer.textContent = text;
  }

  // Take the regions of a freshly rendered copy of this page (from a GET or a form's answer).
  function takeRegions(html) {
    var fresh = new DOMParser().parseFromString(html, "text/html");
    var freshRoot = fresh.querySelector("[data-live-version]");
    if (!freshRoot || freshRoot.getAttribute("data-live-stage") !== stage) {
      reload();
      return;
    }
    // A partial answer (only this phone's own regions) says nothing of the rest of the page:
    // frames up to its version may still bring what the other regions lack.
    var version = Number(freshRoot.getAttribute("data-live-version"));
    var partial = freshRoot.hasAttribute("data-live-partial");
    if (!partial) shown = Math.max(shown, version);
    fresh.querySelectorAll("[data-live-region]").forEach(function (region) {
      var name = region.getAttribute("data-live-region");
      if (regionAt[name] > version) return; // it took something newer meanwhile
      regionAt[name] = version;
      swap(name, region.innerHTML);
    });
  }

  function resync() {
    if (fetching) return fetching;
    fetching = fetch(window.location.href, { credentials: "same-origin" })
      .then(function (response) { return response.ok ? response.text() : Promise.reject(); })
      .then(takeRegions)
      .catch(function () { /* the next reconnect tries again */ })
      .then(function () { fetching = null; });
    return fetching;
  }

  document.addEventListener("samenspel:live-frame", function (e) {
    var frame = e.detail;
    if (!frame) return;
    if (!frame.events.length) {
      // The hello of a new socket: something happened since the page was rendered.
      if (isNew(frame.version)) resync();
      return;
    }
    for (var i = 0; i < frame.events.length; i++) {
      var event = frame.events[i];
      if (!fits(event, frame.version)) continue;
      if (event.reload) {
        reload(); // the stage changed: the page itself is different now
        return;
      }
      if (event.region && event.add) {
        add(event.region, event.add, event.list);
        announce(event.announce);
      } else if (event.region) {
        swap(event.region, event.html || "");
        announce(event.announce);
      }
    }
  });

  document.addEventListener("samenspel:live-status", function (e) {
    if (e.detail && e.detail.reconnected) resync();
  });

  // For forms.js: the answer to a form post sent in the background is this page, fresh.
  window.samenspelTakeRegions = takeRegions;
})();
