// Wide tables scroll inside their own box; this says so above each one that does (and only
// while it does), as an enhancement: without JavaScript the box still scrolls and its edges
// are shaded where there is more to see.
(function () {
  "use strict";
  var boxes = Array.prototype.slice.call(document.querySelectorAll(".table-scroll"));
  function update() {
    boxes.forEach(function (box) {
      var hint = box.previousElementSibling;
      var has = hint && hint.classList.contains("scroll-hint");
      var scrolls = box.scrollWidth > box.clientWidth + 1;
      if (scrolls && !has) {
        hint = document.createElement("p");
        hint.className = "scroll-hint";
        hint.textContent = "表格较宽，可左右滑动查看 →";
        box.parentNode.insertBefore(hint, box);
      } else if (!scrolls && has) {
        hint.parentNode.removeChild(hint);
      }
    });
  }
  update();
  var pending = false;
  window.addEventListener("resize", function () {
    if (pending) { return; }
    pending = true;
    window.requestAnimationFrame(function () { pending = false; update(); });
  });
})();
