// Draws every chart on the page: each <script type="application/json" data-chart="ID"> holds a Plotly figure
// for the element with that id. No inline scripts: the Content-Security-Policy allows only files from here.
(function () {
  function draw() {
    if (typeof Plotly === "undefined") { return; }
    document.querySelectorAll('script[type="application/json"][data-chart]').forEach(function (block) {
      var target = document.getElementById(block.getAttribute("data-chart"));
      if (!target) { return; }
      var figure = JSON.parse(block.textContent);
      Plotly.newPlot(target, figure.data, figure.layout || {}, {displaylogo: false, responsive: true});
      target.setAttribute("data-drawn", "yes");
    });
  }
  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", draw); } else { draw(); }
})();
