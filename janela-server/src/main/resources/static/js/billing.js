// The Billing page's charts, drawn by Chart.js from the report the server rendered into the page. Amounts arrive as
// exact decimal strings and as the page writes amounts: the bars are drawn from numbers, and what the reader sees
// (tooltips, the doughnuts' legends) is the written amount. The bars' axis is written in the reader's language.
(function () {
  "use strict";
  var palette = ["#0b6e4f", "#2a9d8f", "#e9c46a", "#f4a261", "#e76f51", "#264653", "#8ab17d", "#b56576"];

  function axisFormat(data) {
    var options = data.currency ? { style: "currency", currency: data.currency, maximumFractionDigits: 4 }
      : { maximumFractionDigits: 4 };
    return new Intl.NumberFormat(data.language, options);
  }

  function draw(id, type, slices, axis) {
    var canvas = document.getElementById(id);
    if (!canvas || !window.Chart) {
      return;
    }
    var doughnut = type === "doughnut";
    new window.Chart(canvas, {
      type: type,
      data: {
        // A doughnut's legend names each slice with its amount, so no value hides behind a hover.
        labels: slices.map(function (slice) { return doughnut ? slice.label + ": " + slice.shown : slice.label; }),
        datasets: [{
          data: slices.map(function (slice) { return Number(slice.amount); }),
          backgroundColor: doughnut ? palette : palette[0]
        }]
      },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        scales: doughnut ? {} : { y: { ticks: { callback: function (value) { return axis.format(value); } } } },
        plugins: {
          legend: { display: doughnut },
          tooltip: { callbacks: { label: function (item) { return slices[item.dataIndex].shown; } } }
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
    var axis = axisFormat(data);
    draw("chart-day", "bar", data.day, axis);
    draw("chart-market", "doughnut", data.market, axis);
    draw("chart-category", "doughnut", data.category, axis);
  });
  document.addEventListener("click", csvOfFilters);
})();
