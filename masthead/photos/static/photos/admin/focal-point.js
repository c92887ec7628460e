/* Photo admin: click the preview to set the focal point (progressive enhancement; the two
   number boxes work without JavaScript). */
(function () {
  "use strict";

  function init() {
    var picker = document.querySelector(".focal-picker");
    var inputX = document.getElementById("id_focal_x");
    var inputY = document.getElementById("id_focal_y");
    if (!picker || !inputX || !inputY) return;
    var image = picker.querySelector("img");
    var marker = document.createElement("span");
    marker.className = "focal-marker";
    marker.setAttribute("aria-hidden", "true");
    picker.appendChild(marker);
    picker.classList.add("is-active");

    function clamp(value) {
      var number = parseFloat(value);
      if (isNaN(number)) return 0.5;
      return Math.min(1, Math.max(0, number));
    }

    function place() {
      // CSSOM writes are allowed under the CSP; style="" attributes are not.
      marker.style.left = clamp(inputX.value) * 100 + "%";
      marker.style.top = clamp(inputY.value) * 100 + "%";
    }

    image.addEventListener("click", function (event) {
      var box = image.getBoundingClientRect();
      inputX.value = clamp((event.clientX - box.left) / box.width).toFixed(2);
      inputY.value = clamp((event.clientY - box.top) / box.height).toFixed(2);
      inputX.dispatchEvent(new Event("change", { bubbles: true }));
      place();
    });
    inputX.addEventListener("input", place);
    inputY.addEventListener("input", place);
    place();
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
