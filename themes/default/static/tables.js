/* A table wider than its box scrolls sideways, and its box is a Tab stop (tabindex="0") so
   that a keyboard can scroll it. While the table fits, nothing scrolls: the box leaves the
   Tab order, and comes back to it when the table overflows again (a narrower window, larger
   text). Without JavaScript every box stays a Tab stop. */
(function () {
  "use strict";
  var boxes = document.querySelectorAll(".table-scroll");
  if (!boxes.length) {
    return;
  }

  function update() {
    for (var i = 0; i < boxes.length; i++) {
      var box = boxes[i];
      if (box.scrollWidth > box.clientWidth) {
        box.setAttribute("tabindex", "0");
      } else {
        box.removeAttribute("tabindex");
      }
    }
  }

  update();
  if ("ResizeObserver" in window) {
    var watch = new ResizeObserver(update);
    for (var i = 0; i < boxes.length; i++) {
      watch.observe(boxes[i]);
      if (boxes[i].firstElementChild) {
        watch.observe(boxes[i].firstElementChild);
      }
    }
  } else {
    window.addEventListener("resize", update);
  }
  window.addEventListener("load", update);
})();
