import { Injectable } from '@nestjs/common';

/** Set once shutdown begins, so readiness turns 503 before the server stops accepting. */
@Injectable()
export class DrainState {
  draining = false;
}
