import { previewableContentTypes } from "../../../../contracts/index.js";
import { AppError } from "../../platform/http/app-error.js";

/** Enough of a file's start for every signature file-type knows. */
export const sniffBytes = 4100;

/** Types a browser or client sends when it does not know; they claim nothing about the content. */
const genericTypes = new Set(["", "application/octet-stream", "binary/octet-stream"]);
/** Content without a signature is kept with one of these declared types, or as octet-stream. */
const textualTypes = new Set(["text/plain", "text/csv", "text/markdown", "application/json", "application/csv"]);
/** Extensions that promise text; binary content under one of them is a mismatch too. */
const textExtensions = new Set(["txt", "csv", "md", "json", "html", "htm", "js"]);

/** Declared types and extensions that mean the same as what the content was recognised as. */
const typeAliases: Record<string, string[]> = {
  "image/jpeg": ["image/jpg", "image/pjpeg"],
  "application/pdf": ["application/x-pdf"],
  "application/xml": ["text/xml", "image/svg+xml"],
  "application/zip": ["application/x-zip-compressed"],
};
const extensionAliases: Record<string, string[]> = {
  jpg: ["jpeg", "jpe", "jfif"],
  tif: ["tiff"],
  xml: ["svg"],
  mp4: ["m4v"],
};

/**
 * The name shown and offered on download: the last path segment only (so "../../etc/passwd"
 * becomes "passwd"), without control or bidirectional-override characters.
 */
export function cleanFileName(name: string): string {
  const lastSegment = name.split(/[\\/]/).pop() ?? "";
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is removed
  const cleaned = lastSegment.replace(/[\u0000-\u001f\u007f\u202a-\u202e\u2066-\u2069]/g, "").trim().replace(/^\.+/, "");
  if (!cleaned) return "file";
  if (cleaned.length <= 200) return cleaned;
  const extension = extensionOf(cleaned);
  return extension && extension.length < 20 ? `${cleaned.slice(0, 199 - extension.length)}.${extension}` : cleaned.slice(0, 200);
}

function extensionOf(name: string): string {
  const dot = name.lastIndexOf(".");
  return dot > 0 ? name.slice(dot + 1).toLowerCase() : "";
}

const mismatch = (detail: string) => new AppError(415, "Unsupported Media Type", detail, [{ path: "file", message: detail }]);

/**
 * Decides the stored content type from the file's first bytes, refusing a file whose declared
 * type or extension says something its content is not (an HTML page named photo.png).
 */
export async function checkContentType(head: Buffer, fileName: string, declaredType: string) {
  const declared = declaredType.split(";")[0].trim().toLowerCase();
  const extension = extensionOf(fileName);
  // Loaded with the first upload, not at start-up (~50 ms).
  const { fileTypeFromBuffer, supportedExtensions, supportedMimeTypes } = await import("file-type");
  const detected = await fileTypeFromBuffer(head);
  if (detected) {
    const acceptedTypes = [detected.mime, ...(typeAliases[detected.mime] ?? [])];
    if (!genericTypes.has(declared) && !acceptedTypes.includes(declared)) {
      throw mismatch(`The file was declared as ${declared} but its content is ${detected.mime}.`);
    }
    const acceptedExtensions = [detected.ext, ...(extensionAliases[detected.ext] ?? [])];
    const isKnownExtension = (supportedExtensions as ReadonlySet<string>).has(extension) || textExtensions.has(extension);
    if (extension && !acceptedExtensions.includes(extension) && isKnownExtension) {
      throw mismatch(`The file is named .${extension} but its content is ${detected.mime}.`);
    }
    return { contentType: detected.mime, isPreviewable: (previewableContentTypes as readonly string[]).includes(detected.mime) };
  }
  // No known signature: text, or something file-type cannot tell. Then it must not claim a type that has one.
  if ((supportedMimeTypes as ReadonlySet<string>).has(declared) || declared.startsWith("image/") || declared === "application/pdf") {
    throw mismatch(`The file was declared as ${declared} but its content is not.`);
  }
  if (extension && (supportedExtensions as ReadonlySet<string>).has(extension)) {
    throw mismatch(`The file is named .${extension} but its content is not a .${extension} file.`);
  }
  return { contentType: textualTypes.has(declared) ? declared : "application/octet-stream", isPreviewable: false };
}
