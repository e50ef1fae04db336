import { Fragment } from 'preact';
import type {
  CardItemView,
  ConsensusView,
  DeclarationView,
  DivergenceView,
  ScorecardView,
  TeamReviewResponse,
} from '../../../../shared/api/reviews';
import { isMessageKey } from '../../../../shared/messages/registry';
import { formatDateTime, useLocale, useT, type Translate } from '../../i18n';
import { categoryScore, CRITERIA, extraItemIds } from './criteria';
import { formatScore, stageLabel } from './format';
import { MemberList } from './MemberList';
import './review.css';
import '../../texts/team-view';
import '../../texts/terms';

function conflictKindLabel(t: Translate, kind: string): string {
  const key = `domain.conflict.${kind}`;
  return isMessageKey(key) ? t(key) : kind;
}

/** One expert's declaration for the applicant: relations, both signatures, conflicts found. */
export function DeclarationDetails({ declaration: d }: { declaration: DeclarationView }) {
  const t = useT();
  const signed = (v: boolean) => (
    <span class={v ? 'signed' : 'unsigned'} data-signed={String(v)}>
      {t(v ? 'teamView.signed' : 'teamView.unsigned')}
    </span>
  );
  return (
    <dl class="facts declaration-facts">
      <dt>{t('teamView.relations')}</dt>
      <dd>
        {d.relations.length === 0 ? (
          <span class="muted">{t('teamView.noRelations')}</span>
        ) : (
          <ul class="plain">
            {d.relations.map((r, i) => (
              <li key={i} data-relation={r.kind}>
                {conflictKindLabel(t, r.kind)}
                {r.endedOn && ` (${t('teamView.endedOn', { date: r.endedOn })})`}
                {r.note && <span class="user-text"> — {r.note}</span>}
              </li>
            ))}
          </ul>
        )}
      </dd>
      <dt>{t('teamView.confidentiality')}</dt>
      <dd>{signed(d.confidentialitySigned)}</dd>
      <dt>{t('teamView.impartiality')}</dt>
      <dd>{signed(d.impartialitySigned)}</dd>
      <dt>{t('teamView.conflicts')}</dt>
      <dd>
        {d.conflicts.length === 0 ? (
          <span class="signed" data-conflicts="0">
            {t('teamView.clear')}
          </span>
        ) : (
          <ul class="plain conflicts" data-conflicts={d.conflicts.length}>
            {d.conflicts.map((c, i) => (
              <li key={i} data-conflict={`${c.source}:${c.kind}`}>
                {conflictKindLabel(t, c.kind)} ({t(`teamView.source.${c.source}`)})
              </li>
            ))}
          </ul>
        )}
      </dd>
    </dl>
  );
}

function Declarations({ declarations }: { declarations: readonly DeclarationView[] }) {
  const t = useT();
  const locale = useLocale();
  return (
    <section class="card" aria-labelledby="team-declarations-title">
      <h2 id="team-declarations-title">{t('teamView.declarations')}</h2>
      {declarations.length === 0 ? (
        <p class="muted">{t('teamView.noDeclarations')}</p>
      ) : (
        <ul class="declaration-list">
          {declarations.map((d) => (
            <li key={`${d.reviewerId}-${d.declaredAt}`} data-declaration={d.reviewerId}>
              <p>
                <strong>{d.reviewerName}</strong> <span class="muted small">{t('teamView.declaredAt', { at: formatDateTime(d.declaredAt, locale) })}</span>
              </p>
              <DeclarationDetails declaration={d} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** A card's percentage, strengths and opportunities for one item (user text as text, never HTML). */
function CardCell({ item, draft }: { item: CardItemView | undefined; draft: boolean }) {
  const t = useT();
  return (
    <td class={draft ? 'cell draft' : 'cell'}>
      <div class="cell-percent">{item?.percent !== undefined ? `${item.percent}%` : <span class="muted">{t('teamView.notScored')}</span>}</div>
      {item?.strengths && (
        <div class="cell-text">
          <span class="cell-label">{t('teamView.strengths')}</span>
          <span class="user-text">{item.strengths}</span>
        </div>
      )}
      {item?.opportunities && (
        <div class="cell-text">
          <span class="cell-label">{t('teamView.opportunities')}</span>
          <span class="user-text">{item.opportunities}</span>
        </div>
      )}
    </td>
  );
}

function ConsensusCell({ itemId, item }: { itemId: string; item: ConsensusView['items'][string] | undefined }) {
  const t = useT();
  return (
    <td class="cell consensus-cell" data-consensus-item={itemId}>
      <div class="cell-percent">{item ? `${item.percent}%` : <span class="muted">{t('teamView.notScored')}</span>}</div>
      {item?.rationale && (
        <div class="cell-text">
          <span class="cell-label">{t('teamView.rationale')}</span>
          <span class="user-text" data-rationale>
            {item.rationale}
          </span>
        </div>
      )}
    </td>
  );
}

function CardHeader({ card, recused }: { card: ScorecardView; recused: boolean }) {
  const t = useT();
  const locale = useLocale();
  return (
    <th scope="col" class={card.status === 'draft' ? 'draft' : undefined} data-card={card.reviewerId} data-card-status={card.status}>
      <span class="member-name">{card.reviewerName}</span>{' '}
      {card.status === 'draft' ? (
        <span class="badge draft-badge">{t('teamView.draft')}</span>
      ) : (
        card.submittedAt && <span class="muted small">{t('teamView.submittedAt', { at: formatDateTime(card.submittedAt, locale) })}</span>
      )}
      {recused && <span class="badge set-aside">{t('teamView.setAside')}</span>}
      <div class="muted small">{t('teamView.scored', { scored: card.scored, count: CRITERIA.items.length })}</div>
    </th>
  );
}

/** Every card side by side per item, the consensus beside them, flags highlighted, subtotals and totals (also the experts' view of their team). */
export function CardsTable({ team }: { team: TeamReviewResponse }) {
  const t = useT();
  const locale = useLocale();
  const order = new Map(team.members.map((m, i) => [m.reviewerId, i]));
  // A sealed draft (the office's and supervisors' view while its author scores) shows only its progress, beside the table.
  const cards = team.scorecards.filter((c) => !c.sealed).sort((a, b) => (order.get(a.reviewerId) ?? 1e9) - (order.get(b.reviewerId) ?? 1e9));
  const recused = new Set(team.members.filter((m) => m.status === 'recused').map((m) => m.reviewerId));
  const consensus = team.consensus;
  const flags = new Map<string, DivergenceView>();
  for (const f of [...(consensus?.flags ?? []), ...team.flags]) flags.set(f.itemId, f);
  const extras = extraItemIds([...cards.flatMap((c) => Object.keys(c.items)), ...Object.keys(consensus?.items ?? {})]);
  const columns = cards.length + (consensus ? 1 : 0);

  const itemRow = (id: string, label: string, points: number | undefined) => {
    const flag = flags.get(id);
    return (
      <tr key={id} class={flag ? 'divergent' : undefined} data-item={id} data-divergent={flag ? 'true' : undefined}>
        <th scope="row" class="item-head">
          <span class="item-id">{id}</span> {label}
          {points !== undefined && <div class="muted small">{t('teamView.maxPoints', { points })}</div>}
          {flag && (
            <div class="flag" data-flag={id}>
              {t('teamView.flag', { spread: flag.spread, min: flag.min, max: flag.max })}
            </div>
          )}
        </th>
        {cards.map((c) => (
          <CardCell key={c.reviewerId} item={c.items[id]} draft={c.status === 'draft'} />
        ))}
        {consensus && <ConsensusCell itemId={id} item={consensus.items[id]} />}
      </tr>
    );
  };

  return (
    <div class="table-wrap">
      <table class="table cards-table">
        <thead>
          <tr>
            <th scope="col">{t('teamView.item')}</th>
            {cards.map((c) => (
              <CardHeader key={c.reviewerId} card={c} recused={recused.has(c.reviewerId)} />
            ))}
            {consensus && (
              <th scope="col" class="consensus-head" data-card="consensus">
                {t('teamView.consensus')}
              </th>
            )}
          </tr>
        </thead>
        {CRITERIA.categories.map((category) => (
          <tbody key={category.id} data-category={category.id}>
            <tr class="category-row">
              <th scope="colgroup" colSpan={columns + 1}>
                {category.id} {category.name[locale]} · {t('teamView.maxPoints', { points: category.points })}
              </th>
            </tr>
            {category.items.map((item) => itemRow(item.id, item.name[locale], item.points))}
            <tr class="subtotal-row" data-subtotal={category.id}>
              <th scope="row">{t('teamView.subtotal', { category: category.id })}</th>
              {cards.map((c) => {
                const score = categoryScore(category, (item) => c.items[item.id]?.percent);
                return <td key={c.reviewerId}>{score === undefined ? '' : formatScore(score)}</td>;
              })}
              {consensus && <td data-consensus-category={category.id}>{consensus.categories[category.id] === undefined ? '' : formatScore(consensus.categories[category.id]!)}</td>}
            </tr>
          </tbody>
        ))}
        {extras.length > 0 && <tbody data-category="other">{extras.map((id) => itemRow(id, '', undefined))}</tbody>}
        <tfoot>
          <tr class="total-row">
            <th scope="row">{t('teamView.total')}</th>
            {cards.map((c) => (
              <td key={c.reviewerId} data-card-total={c.reviewerId}>
                {c.total === undefined ? '' : formatScore(c.total)}
              </td>
            ))}
            {consensus && <td data-consensus-total={consensus.total}>{formatScore(consensus.total)}</td>}
          </tr>
        </tfoot>
      </table>
    </div>
  );
}

function ConsensusSummary({ consensus }: { consensus: ConsensusView }) {
  const t = useT();
  const locale = useLocale();
  return (
    <section class="card" aria-labelledby="team-consensus-title" data-consensus>
      <h2 id="team-consensus-title">{t('teamView.consensus')}</h2>
      <p>{t('teamView.consensusBy', { name: consensus.recordedByName, at: formatDateTime(consensus.recordedAt, locale), count: consensus.basedOn })}</p>
      <dl class="facts">
        {CRITERIA.categories.map((c) => (
          <Fragment key={c.id}>
            <dt>
              {c.id} {c.name[locale]}
            </dt>
            <dd data-category-total={c.id}>{consensus.categories[c.id] === undefined ? '' : `${formatScore(consensus.categories[c.id]!)} / ${c.points}`}</dd>
          </Fragment>
        ))}
        <dt>
          <strong>{t('teamView.total')}</strong>
        </dt>
        <dd>
          <strong data-total>{formatScore(consensus.total)}</strong> / {CRITERIA.totalPoints}
        </dd>
      </dl>
    </section>
  );
}

/** Drafts still being scored: whose, and how far (their scores and texts stay with their author until submitted). */
function SealedCards({ cards }: { cards: readonly ScorecardView[] }) {
  const t = useT();
  if (cards.length === 0) return null;
  return (
    <div data-sealed-cards={cards.length}>
      <h3>{t('teamView.sealedTitle')}</h3>
      <ul class="plain">
        {cards.map((c) => (
          <li key={c.reviewerId} data-sealed={c.reviewerId}>
            {t('teamView.sealed', { name: c.reviewerName, scored: c.scored, count: CRITERIA.items.length })}
          </li>
        ))}
      </ul>
    </div>
  );
}

/**
 * One team's work, read-only, for the office and the supervisors: members with their status and
 * recusal reasons, every declaration, every card (drafts marked) side by side per item with the
 * divergence flags, and the consensus with its rationale and totals.
 */
export function TeamView({ team }: { team: TeamReviewResponse }) {
  const t = useT();
  const flagged = new Set([...team.flags, ...(team.consensus?.flags ?? [])].map((f) => f.itemId)).size;
  // A recused member's card is set aside: it does not count towards the team's minimum.
  const recused = new Set(team.members.filter((m) => m.status === 'recused').map((m) => m.reviewerId));
  const submitted = team.scorecards.filter((c) => c.status === 'submitted' && !recused.has(c.reviewerId)).length;
  return (
    <div class="stack team-view" data-team-view={`${team.applicationId}/${team.stage}`}>
      <section class="card" aria-labelledby="team-title">
        <h2 id="team-title">
          {team.organisation.name} · {stageLabel(t, team.stage)}
        </h2>
        <p class="muted small">
          {team.organisation.district} · {team.organisation.industry} · {t('teamView.roundStage', { stage: stageLabel(t, team.roundStage) })}
        </p>
        <h3>{t('teamView.members')}</h3>
        <MemberList members={team.members} showAssigned />
        <p class="small">
          <span class={submitted >= team.minTeam ? 'count-ok' : 'count-short'} data-cards={`${submitted}/${team.minTeam}`}>
            {t('teamView.cardsCount', { submitted, min: team.minTeam })}
          </span>
        </p>
      </section>
      <Declarations declarations={team.declarations} />
      <section class="card" aria-labelledby="team-cards-title">
        <h2 id="team-cards-title">{t('teamView.scorecards')}</h2>
        <p class="muted small">{t('teamView.flagsNote', { threshold: team.divergenceThreshold, count: flagged })}</p>
        <SealedCards cards={team.scorecards.filter((c) => c.sealed)} />
        {team.scorecards.filter((c) => !c.sealed).length === 0 && !team.consensus ? <p class="muted">{t('teamView.noCards')}</p> : <CardsTable team={team} />}
      </section>
      {team.consensus ? (
        <ConsensusSummary consensus={team.consensus} />
      ) : (
        <p class="muted" data-consensus="none">
          {t('teamView.noConsensus')}
        </p>
      )}
    </div>
  );
}
