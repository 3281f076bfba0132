// Filter of the example-project catalogue (projects/) by mission and province.
// Plain local script: no library, no network.
(function () {
  function apply(form, table) {
    var mission = form.elements.mission.value;
    var province = form.elements.province.value;
    var shown = 0;
    table.querySelectorAll("tbody tr").forEach(function (row) {
      var ok = (!mission || row.dataset.missions.split(" ").indexOf(mission) >= 0) &&
               (!province || row.dataset.province === province);
      row.hidden = !ok;
      if (ok) shown += 1;
    });
    form.elements.count.value = "แสดง " + shown + " จาก " + table.tBodies[0].rows.length + " รายการ";
  }
  function init() {
    var form = document.getElementById("project-filter");
    var table = document.getElementById("project-catalogue");
    if (!form || !table) return;
    form.addEventListener("change", function () { apply(form, table); });
    apply(form, table);
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
