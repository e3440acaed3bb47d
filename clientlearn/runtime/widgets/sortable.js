// A list the participant builds and reorders: drag and drop, buttons, or the keyboard.
// Items start in the "to place" pool; nothing counts as an answer until one is placed.
// Keyboard: Tab to an item; in the pool Enter or Space adds it; in the list
// Alt+ArrowUp / Alt+ArrowDown moves it and Delete removes it. Every button has a name.

function el(tag, attrs = {}, text = "") {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  if (text) node.textContent = text; // textContent: item text is never parsed as HTML
  return node;
}

function fill(template, item) {
  return template.replace("{item}", item);
}

function render({ model, el: host }) {
  const root = el("div", { class: "cl-sortable" });
  const live = el("div", { class: "cl-sr", "aria-live": "polite" });
  host.appendChild(root);
  host.appendChild(live);
  let focusAfter = null; // [zone, id] to focus after the next redraw

  const labelOf = (id) => {
    const item = model.get("items").find((i) => i.id === id);
    return item ? item.label : id;
  };

  function commit(order, focus, message) {
    focusAfter = focus;
    live.textContent = message;
    model.set("order", order); // redraws through change:order and focuses `focus`
    model.save_changes();
    if (focusAfter) draw(); // the order did not change, so nothing redrew
  }

  function place(id, index) {
    const t = model.get("labels");
    const order = model.get("order").filter((x) => x !== id);
    const at = index === undefined || index > order.length ? order.length : index;
    order.splice(at, 0, id);
    commit(order, ["list", id], fill(t.placed, labelOf(id)) + " " + (at + 1));
  }

  function move(id, delta) {
    const order = [...model.get("order")];
    const i = order.indexOf(id);
    const j = i + delta;
    if (i < 0 || j < 0 || j >= order.length) return;
    [order[i], order[j]] = [order[j], order[i]];
    commit(order, ["list", id], fill(model.get("labels").placed, labelOf(id)) + " " + (j + 1));
  }

  function remove(id) {
    const order = model.get("order").filter((x) => x !== id);
    commit(order, ["pool", id], fill(model.get("labels").removed, labelOf(id)));
  }

  function dropIndex(list, event) {
    const rows = [...list.querySelectorAll("li[data-id]")];
    for (let k = 0; k < rows.length; k++) {
      const box = rows[k].getBoundingClientRect();
      if (event.clientY < box.top + box.height / 2) return k;
    }
    return rows.length;
  }

  function draw() {
    const t = model.get("labels");
    const order = model.get("order");
    const pool = model.get("items").filter((i) => !order.includes(i.id));
    if (!focusAfter && root.contains(document.activeElement)) {
      // A redraw replaces every node: keep the focus on the same step, or the keyboard
      // user is thrown back to the top of the page.
      const active = document.activeElement;
      const row = active.closest("li[data-id]");
      if (active.classList.contains("cl-add")) focusAfter = ["pool", active.dataset.id];
      else if (row) focusAfter = ["list", row.dataset.id];
    }
    root.replaceChildren();

    root.appendChild(el("div", { class: "cl-title" }, t.to_place));
    const poolList = el("ul", { class: "cl-pool", "aria-label": t.to_place });
    for (const item of pool) {
      const li = el("li");
      const b = el("button", { type: "button", draggable: "true", "data-id": item.id,
        "aria-label": fill(t.place, item.label), class: "cl-add" }, item.label);
      b.addEventListener("click", () => place(item.id));
      b.addEventListener("dragstart", (e) => e.dataTransfer.setData("text/plain", item.id));
      li.appendChild(b);
      poolList.appendChild(li);
    }
    if (!pool.length) poolList.appendChild(el("li", { class: "cl-done" }, t.all_placed));
    poolList.addEventListener("dragover", (e) => e.preventDefault());
    poolList.addEventListener("drop", (e) => {
      e.preventDefault();
      const id = e.dataTransfer.getData("text/plain");
      if (order.includes(id)) remove(id);
    });
    root.appendChild(poolList);

    root.appendChild(el("div", { class: "cl-title" }, t.your_order));
    const list = el("ol", { class: "cl-list", "aria-label": t.your_order });
    order.forEach((id, n) => {
      const li = el("li", { "data-id": id, draggable: "true", tabindex: "0",
        "aria-label": `${n + 1}. ${labelOf(id)}`, title: t.keys });
      const text = el("span", { class: "cl-text" }, labelOf(id));
      const up = el("button", { type: "button", "aria-label": fill(t.up, labelOf(id)), title: fill(t.up, labelOf(id)) }, "↑");
      const down = el("button", { type: "button", "aria-label": fill(t.down, labelOf(id)), title: fill(t.down, labelOf(id)) }, "↓");
      const del = el("button", { type: "button", "aria-label": fill(t.remove, labelOf(id)), title: fill(t.remove, labelOf(id)) }, "✕");
      up.addEventListener("click", () => move(id, -1));
      down.addEventListener("click", () => move(id, +1));
      del.addEventListener("click", () => remove(id));
      li.addEventListener("keydown", (e) => {
        if (e.target !== li) return;
        if (e.altKey && e.key === "ArrowUp") { e.preventDefault(); move(id, -1); }
        else if (e.altKey && e.key === "ArrowDown") { e.preventDefault(); move(id, +1); }
        else if (e.key === "Delete" || e.key === "Backspace") { e.preventDefault(); remove(id); }
      });
      li.addEventListener("dragstart", (e) => e.dataTransfer.setData("text/plain", id));
      li.append(up, down, del, text);
      list.appendChild(li);
    });
    list.addEventListener("dragover", (e) => e.preventDefault());
    list.addEventListener("drop", (e) => {
      e.preventDefault();
      const id = e.dataTransfer.getData("text/plain");
      if (!id) return;
      let index = dropIndex(list, e);
      const from = order.indexOf(id);
      if (from >= 0 && from < index) index -= 1; // the dragged row leaves its old place first
      place(id, index);
    });
    root.appendChild(list);

    if (focusAfter) {
      const [zone, id] = focusAfter;
      focusAfter = null;
      const target = zone === "list"
        ? list.querySelector(`li[data-id="${CSS.escape(id)}"]`)
        : poolList.querySelector(`button[data-id="${CSS.escape(id)}"]`) || poolList.querySelector("button");
      if (target) target.focus();
    }
  }

  model.on("change:order", draw);
  model.on("change:items", draw);
  draw();
  return () => {
    model.off("change:order", draw);
    model.off("change:items", draw);
  };
}

export default { render };
