"use client";
// The "123/500" under a long text field. Browsers cut a paste silently at maxLength (5,000
// characters became 500 without a word), so fields carry no maxLength: the text stays as
// typed, this counter shows the limit, and the schema refuses with "最多 500 个字".
//
// It follows the control by its id, so it works for registered (uncontrolled) fields whose
// value react-hook-form sets without a render, and for controlled ones. The text is written
// to the DOM directly: a keystroke does not re-render the form.
import { useEffect, useRef } from "react";

export function CharCount({ forId, limit, initial }: { forId: string; limit: number; initial: number }) {
  const ref = useRef<HTMLSpanElement>(null);
  useEffect(() => {
    const control = document.getElementById(forId) as HTMLInputElement | HTMLTextAreaElement | null;
    const counter = ref.current;
    if (!control || !counter) return;
    const update = () => {
      // UTF-16 units, as zod's max counts them.
      const length = control.value.length;
      counter.textContent = `${length}/${limit}`;
      counter.dataset.over = String(length > limit);
    };
    update();
    // A restored draft or a reset sets the value without an input event.
    const frame = requestAnimationFrame(update);
    const form = control.form;
    const onReset = () => requestAnimationFrame(update);
    for (const type of ["input", "change", "focus", "blur"]) control.addEventListener(type, update);
    form?.addEventListener("reset", onReset);
    return () => {
      cancelAnimationFrame(frame);
      for (const type of ["input", "change", "focus", "blur"]) control.removeEventListener(type, update);
      form?.removeEventListener("reset", onReset);
    };
  }, [forId, limit]);
  return (
    <span
      ref={ref}
      id={`${forId}-count`}
      data-over={initial > limit}
      className="block text-right text-xs tabular-nums text-slate-500 data-[over=true]:font-medium data-[over=true]:text-red-700"
    >
      {`${initial}/${limit}`}
    </span>
  );
}
