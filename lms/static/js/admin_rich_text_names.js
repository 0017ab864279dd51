/* Wagtail admin: give each Draftail rich-text box the accessible name of its field.
   Draftail's editable area (role="textbox") carries no name (axe: aria-input-field-name), so a
   screen reader announces an unnamed "edit text". This script points it at the field's own
   label with aria-labelledby: on load and whenever the admin adds editors (StreamField blocks,
   inline panels). Loaded on every admin page by the insert_global_admin_js hook
   (quizzes/wagtail_hooks.py); the admin works the same without it. */
(function () {
  "use strict";
  var WRAPPERS = "[data-field-wrapper], .w-field__wrapper, .w-field, [data-contentpath]";
  var counter = 0;

  function labelFor(box) {
    var wrapper = box.closest(WRAPPERS);
    while (wrapper) {
      var input = wrapper.querySelector("input[data-draftail-input], textarea[data-draftail-input]");
      if (input && input.id) {
        var byFor = document.querySelector('label[for="' + input.id + '"]');
        if (byFor) return byFor;
      }
      var label = wrapper.querySelector(".w-field__label, label");
      if (label && !label.contains(box)) return label;
      wrapper = wrapper.parentElement ? wrapper.parentElement.closest(WRAPPERS) : null;
    }
    return null;
  }

  function nameEditors() {
    var boxes = document.querySelectorAll('.public-DraftEditor-content[role="textbox"]');
    Array.prototype.forEach.call(boxes, function (box) {
      if (box.getAttribute("aria-labelledby") || box.getAttribute("aria-label")) return;
      var label = labelFor(box);
      if (!label) return;
      if (!label.id) label.id = "ten-o-soan-thao-" + (++counter);
      box.setAttribute("aria-labelledby", label.id);
    });
  }

  var pending = false;
  function soon() {
    if (pending) return;
    pending = true;
    window.requestAnimationFrame(function () { pending = false; nameEditors(); });
  }

  function start() {
    nameEditors();
    if (window.MutationObserver) {
      new MutationObserver(soon).observe(document.body, { childList: true, subtree: true });
    }
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
