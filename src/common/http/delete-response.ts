import type { Response } from 'express';
import type { DeletePreview } from '../../database/cascade-preview.service';

/** 200 with the preview for a dry run, 204 for a real delete. */
export function respondToDelete(
  res: Response,
  preview: DeletePreview | void,
): DeletePreview | void {
  res.status(preview ? 200 : 204);
  return preview ?? undefined;
}
