/* Runs inside the H5P player frame (content/templates/content/h5p/frame.html), a sandboxed
   document with an opaque origin: starts h5p-standalone on this document and tells the parent
   page (the module page, on the site's origin) what the player reports, by postMessage only. */
(function () {
  "use strict";
  var root = document.getElementById("h5p-root");
  if (!root) { return; }
  var parentOrigin = root.getAttribute("data-parent-origin");

  function tell(message) {
    if (window.parent === window) { return; }
    window.parent.postMessage(message, parentOrigin);
  }

  // Without allow-same-origin, reading localStorage/sessionStorage throws. H5P core keeps its
  // clipboard and an anonymous user id there: give it stores that live as long as the frame.
  function memoryStorage() {
    var items = {};
    return {
      getItem: function (key) { return Object.prototype.hasOwnProperty.call(items, key) ? items[key] : null; },
      setItem: function (key, value) { items[key] = String(value); },
      removeItem: function (key) { delete items[key]; },
      clear: function () { items = {}; },
      key: function (index) { return Object.keys(items)[index] || null; },
      get length() { return Object.keys(items).length; }
    };
  }
  ["localStorage", "sessionStorage"].forEach(function (name) {
    try {
      void window[name];
    } catch (error) {
      try {
        Object.defineProperty(window, name, { value: memoryStorage(), configurable: true });
      } catch (ignored) { /* the player then runs without that store */ }
    }
  });

  function reportHeight() {
    tell({ type: "ats-h5p-resize", height: Math.ceil(document.documentElement.scrollHeight) });
  }

  function copy(statement) {
    try { return JSON.parse(JSON.stringify(statement)); } catch (error) { return null; }
  }

  // The player's own strings in the site's language (content/h5p/l10n/), as inert JSON in the
  // frame page: h5p-standalone merges them over its English defaults.
  function playerStrings() {
    var element = document.getElementById("h5p-player-strings");
    if (!element) { return null; }
    try { return JSON.parse(element.textContent); } catch (error) { return null; }
  }

  var options = {
    id: "ats-h5p",
    h5pJsonPath: root.getAttribute("data-h5p-json-path"),
    frameJs: root.getAttribute("data-frame-js"),
    frameCss: root.getAttribute("data-frame-css"),
    // This document is already the isolated frame: the player runs in it, not in a nested one.
    embedType: "div",
    frame: false,
    copyright: false,
    export: false,
    icon: false,
    fullScreen: false,
    // We start the content ourselves once our listener is on, so its first statement
    // ("attempted", sent as it starts) is not missed.
    preventH5PInit: false
  };
  var strings = playerStrings();
  if (strings) { options.translations = strings; }
  new window.H5PStandalone.H5P(root, options).then(function () {
    window.H5P.externalDispatcher.on("xAPI", function (event) {
      var statement = event && event.data && copy(event.data.statement);
      if (statement) { tell({ type: "ats-h5p-xapi", statement: statement }); }
    });
    window.H5P.preventInit = false;
    window.H5P.init();
    reportHeight();
    if (window.ResizeObserver) {
      new window.ResizeObserver(reportHeight).observe(document.body);
    } else {
      window.setInterval(reportHeight, 1000);
    }
  }).catch(function () {
    tell({ type: "ats-h5p-error" });
  });
})();
