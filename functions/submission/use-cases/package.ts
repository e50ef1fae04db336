import { PROFILE_SECTION, type SectionView } from '../../../shared/api/applications';
import { roundScope } from '../../../shared/audit/chain';
import type { SectionRecord } from '../../lib/applications/repository';
import { WriteConditionError } from '../../lib/audit/log';
import { AppError } from '../../lib/http/errors';
import type { Session } from '../../lib/http/router';
import { actorOf, assertBeforeDeadline, assertOpen, ownBundle, roundContext, sha256Hex, type ApplicationDeps } from './context';

/**
 * Saves one section of the package (the profile or one item's
 * self-assessment) based on the version the applicant read: a stale version
 * is refused with 409 CONFLICT and nothing is overwritten. Only the owner,
 * only before the deadline, only while the package is not submitted; texts
 * within the round's length limits (characters, not bytes).
 */
export async function saveSection(
  deps: ApplicationDeps,
  session: Session,
  applicationId: string,
  section: string,
  input: { text: string; version: number },
  now: Date,
  requestId: string,
): Promise<SectionView> {
  const bundle = await ownBundle(deps, session, applicationId);
  const app = bundle.application;
  const ctx = await roundContext(deps, app.roundId);
  if (!ctx.sections.includes(section)) throw new AppError('SECTION_UNKNOWN', 400, { section, sections: ctx.sections }, { section });
  assertOpen(app);
  assertBeforeDeadline(ctx, now);
  const max = section === PROFILE_SECTION ? ctx.rules.profileMaxChars : ctx.rules.itemMaxChars;
  const length = [...input.text].length;
  if (length > max) throw new AppError('TEXT_TOO_LONG', 422, { section, max, length }, { max, length });
  // The whole package's text (the profile and the 23 items together) within the round's most characters.
  const others = bundle.sections.filter((s) => s.section !== section).reduce((sum, s) => sum + [...s.text].length, 0);
  const maxTotal = ctx.config.package.maxTotalChars;
  if (others + length > maxTotal) throw new AppError('PACKAGE_TOO_LONG', 422, { section, maxTotalChars: maxTotal, length: others + length }, { max: maxTotal, length: others + length });
  const current = bundle.sections.find((s) => s.section === section)?.version ?? 0;
  if (current !== input.version) throw new AppError('CONFLICT', 409, { section, currentVersion: current, yourVersion: input.version });

  const saved: SectionRecord = { applicationId, section, text: input.text, version: input.version + 1, updatedAt: now.toISOString() };
  try {
    await deps.audit.commit({
      scope: roundScope(app.roundId),
      actor: actorOf(session),
      action: 'package.sectionSaved',
      target: { type: 'section', id: `${applicationId}/${section}` },
      context: { applicationId, stage: ctx.round.stage },
      state: { applicationId, section, version: saved.version, textSha256: sha256Hex(saved.text) },
      requestId,
      now,
      writes: [deps.applications.stillOpen(applicationId), deps.applications.sectionPut(saved, input.version)],
    });
  } catch (error) {
    if (!(error instanceof WriteConditionError)) throw error;
    if (error.index === 0) {
      const fresh = await deps.applications.get(applicationId);
      if (fresh) assertOpen(fresh);
    }
    throw new AppError('CONFLICT', 409, { section, yourVersion: input.version });
  }
  return { section, text: saved.text, version: saved.version, updatedAt: saved.updatedAt };
}
