/* The question form in the admin: show only the answer section of the chosen type.
   Without this file every section shows under its heading and the server validates and saves
   only the chosen type's section (quizzes.forms.QuestionForm). Sections carry the type codes
   that use them (data-qtype-parts, from quizzes.qtypes.section_attrs). */
(function () {
  "use strict";
  function init() {
    var select = document.querySelector("select[name=qtype], select[name$='-qtype']");
    var sections = document.querySelectorAll("[data-qtype-parts]");
    if (!select || !sections.length) return;
    function update() {
      var chosen = select.value;
      sections.forEach(function (section) {
        var codes = section.getAttribute("data-qtype-parts").split(" ");
        var hide = !!chosen && codes.indexOf(chosen) === -1;
        section.hidden = hide;
        section.style.display = hide ? "none" : "";
      });
    }
    select.addEventListener("change", update);
    update();
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
