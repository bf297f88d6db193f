// A small rich-text editor on a contenteditable block: the server sanitises whatever it receives.
export function init(el, html) {
    document.execCommand("defaultParagraphSeparator", false, "p");
    el.innerHTML = html || "";
}

export function html(el) {
    return el.innerHTML;
}

export function append(el, html) {
    el.insertAdjacentHTML("beforeend", html);
    el.dispatchEvent(new Event("input", { bubbles: true }));
}

export function format(el, command) {
    el.focus();
    document.execCommand(command, false, null);
}
