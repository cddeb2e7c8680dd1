import { buttonClass } from "@/components/ui/button";

/** A plain download link (not a client-side navigation) to an /api/exports route. */
export function ExportLink({ href, label }: { href: string; label: string }) {
  return (
    <a href={href} download className={buttonClass("secondary", "sm")}>
      <svg aria-hidden="true" viewBox="0 0 20 20" className="h-4 w-4 fill-current"><path d="M10 2a1 1 0 0 1 1 1v8.6l2.3-2.3a1 1 0 1 1 1.4 1.4l-4 4a1 1 0 0 1-1.4 0l-4-4a1 1 0 1 1 1.4-1.4L9 11.6V3a1 1 0 0 1 1-1ZM4 16h12a1 1 0 1 1 0 2H4a1 1 0 1 1 0-2Z" /></svg>
      {label}
    </a>
  );
}
