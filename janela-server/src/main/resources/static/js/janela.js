// Janela's pages: the little that needs a script. htmx does the rest.
(function () {
  "use strict";

  // Every request htmx makes carries the CSRF token Spring Security asks of anything that changes something.
  document.addEventListener("htmx:configRequest", function (event) {
    var header = document.querySelector('meta[name="csrf-header"]');
    var token = document.querySelector('meta[name="csrf-token"]');
    if (header && token) {
      event.detail.headers[header.content] = token.content;
    }
  });

  // A refused htmx request shows the server's reason rather than failing silently.
  document.addEventListener("htmx:responseError", function (event) {
    var toast = document.getElementById("toast");
    var text = event.detail.xhr.responseText;
    toast.innerHTML = text && text.length < 2000 ? text : "";
    if (!toast.textContent.trim()) {
      toast.textContent = document.body.dataset.tFailed;
    }
    toast.hidden = false;
    window.setTimeout(function () { toast.hidden = true; }, 6000);
  });

  // What cannot be undone asks first.
  document.addEventListener("submit", function (event) {
    var question = event.target.dataset.confirm;
    if (question && !window.confirm(question)) {
      event.preventDefault();
    }
  });

  document.addEventListener("change", function (event) {
    if (event.target.matches("[data-submit-on-change]")) {
      event.target.form.submit();
    }
  });

  // A form that is written again and again (the sandbox's phone) is emptied once the server took what it sent.
  document.addEventListener("htmx:afterRequest", function (event) {
    var form = event.detail.elt;
    if (event.detail.successful && form.matches && form.matches("form[data-reset-when-sent]")) {
      form.reset();
    }
  });

  // Window badges count down from the seconds the server computed with its own clock, so a browser whose clock
  // differs from the server's still shows the server's truth.
  var loadedAt = new WeakMap();

  function fill(template, values) {
    return template.replace(/\{(\d)\}/g, function (match, index) { return values[Number(index)]; });
  }

  function countdown(badge, now) {
    var texts = document.body.dataset;
    if (badge.dataset.state === "pending") {
      badge.textContent = texts.tWaiting;
      return;
    }
    if (!loadedAt.has(badge)) {
      loadedAt.set(badge, now);
    }
    var left = Number(badge.dataset.secondsLeft) - Math.floor((now - loadedAt.get(badge)) / 1000);
    if (badge.dataset.state !== "open" || left <= 0) {
      badge.textContent = texts.tClosed;
      badge.classList.remove("open", "soon");
      if (badge.dataset.state === "open") {
        badge.dataset.state = "closed";
        badge.dispatchEvent(new CustomEvent("window-closed", { bubbles: true }));
      }
      return;
    }
    var hours = Math.floor(left / 3600);
    var minutes = Math.floor((left % 3600) / 60);
    badge.classList.add("open");
    badge.classList.toggle("soon", left < 3600);
    if (hours > 0) {
      badge.textContent = fill(texts.tClosesInHours, [hours, minutes]);
    } else if (minutes > 0) {
      badge.textContent = fill(texts.tClosesInMinutes, [minutes]);
    } else {
      badge.textContent = fill(texts.tClosesInSeconds, [left]);
    }
  }

  function tick() {
    var now = Date.now();
    document.querySelectorAll("[data-window]").forEach(function (badge) { countdown(badge, now); });
  }

  document.addEventListener("DOMContentLoaded", tick);
  document.addEventListener("htmx:afterSettle", tick);
  window.setInterval(tick, 1000);
})();

// Times are sent in UTC and shown in the reader's own time zone and language.
(function () {
  "use strict";
  function localize() {
    var format = new Intl.DateTimeFormat(document.documentElement.lang || undefined,
      { dateStyle: "medium", timeStyle: "short" });
    document.querySelectorAll("time[data-local]").forEach(function (time) {
      time.textContent = format.format(new Date(time.getAttribute("datetime")));
    });
  }
  document.addEventListener("DOMContentLoaded", localize);
  document.addEventListener("htmx:afterSettle", localize);
})();

// The composer follows the window: when the conversation's badge says the window opened or closed (the thread
// refreshed, or the countdown ran out), the composer asks the server for what may be sent now.
(function () {
  "use strict";
  function follow() {
    var badge = document.getElementById("window-badge");
    var composer = document.getElementById("composer");
    if (!badge || !composer || !window.htmx) {
      return;
    }
    var state = badge.dataset.state;
    if (state !== composer.dataset.windowState && composer.dataset.askedFor !== state) {
      composer.dataset.askedFor = state;
      window.htmx.trigger(composer, "window-changed");
    }
  }
  document.addEventListener("htmx:afterSettle", follow);
  document.addEventListener("window-closed", follow);
})();
