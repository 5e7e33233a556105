// The Billing page's charts, drawn by Chart.js from the report the server rendered into the page. Amounts arrive as
// exact decimal strings: the bars are drawn from numbers, the tooltips show the strings.
(function () {
  "use strict";
  var palette = ["#0b6e4f", "#2a9d8f", "#e9c46a", "#f4a261", "#e76f51", "#264653", "#8ab17d", "#b56576"];

  function draw(id, type, slices) {
    var canvas = document.getElementById(id);
    if (!canvas || !window.Chart) {
      return;
    }
    new window.Chart(canvas, {
      type: type,
      data: {
        labels: slices.map(function (slice) { return slice.label; }),
        datasets: [{
          data: slices.map(function (slice) { return Number(slice.amount); }),
          backgroundColor: type === "bar" ? palette[0] : palette
        }]
      },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        plugins: {
          legend: { display: type !== "bar" },
          tooltip: { callbacks: { label: function (item) { return slices[item.dataIndex].amount; } } }
        }
      }
    });
  }

  function csvOfFilters(event) {
    var link = event.target.closest("[data-csv-of]");
    if (!link) {
      return;
    }
    event.preventDefault();
    var form = document.getElementById(link.dataset.csvOf);
    window.location.href = link.dataset.csv + "?" + new URLSearchParams(new FormData(form)).toString();
  }

  document.addEventListener("DOMContentLoaded", function () {
    var data = JSON.parse(document.getElementById("billing-charts").textContent);
    draw("chart-day", "bar", data.day);
    draw("chart-market", "doughnut", data.market);
    draw("chart-category", "doughnut", data.category);
  });
  document.addEventListener("click", csvOfFilters);
})();
