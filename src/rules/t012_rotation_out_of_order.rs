//! T012 rotation-out-of-order: a term that breaks the order its rotation regime declares.
//!
//! For each regime with an `order`, its terms are taken in date order; each term's expected chair
//! is the member that follows the previous term's chair in the order, among the members on the
//! term's first day (recorded skips left out), wrapping round. The expected chair is computed
//! twice, among the members certainly in and among those possibly in: a term matching neither is
//! certainly out of order, one matching only one reading possibly. A cycle ends where the order
//! wraps; with `one_turn_per_cycle`, a second term of one member within a cycle is reported as
//! such. Each step is a scan of the members, so the check is `O(terms × members)`, small for the
//! bodies that declare an order.

use super::Context;
use crate::catalogue::T012;
use crate::diag::{Certainty, Diagnostic, Label};
use crate::model::{ChairEntry, EntryKind, Field, Member, Order, Regime};
use crate::temporal::{Date, Day, Interval};
use std::collections::{HashMap, HashSet};

pub(super) fn check(context: &Context, out: &mut Vec<Diagnostic>) {
    let Some(group) = &context.data.group else {
        return;
    };
    let covered = group.covered();
    for regime in &group.regimes {
        let (Some(order), Some(from)) = (&regime.order, &regime.from) else {
            continue;
        };
        let span = Interval::new(
            from.value.first_day(),
            regime
                .until
                .as_ref()
                .map_or(Day::MAX, |u| u.value.last_day()),
        );
        let ranks = Ranks::of(order, &context.data.members);
        // The terms of the regime in date order, each with the seat that chaired.
        let terms: Vec<(&ChairEntry, Day, &Field<String>)> = context
            .dated_chairs()
            .iter()
            .filter(|(p, _)| span.contains(p.start))
            .filter_map(|&(p, e)| Some((e, p.start, seat_of(context, e)?)))
            .collect();
        // The state of the current cycle: where the order has reached, who chaired in it, and
        // who was passed over (and may still take the turn it is owed, late, without a second
        // finding).
        let mut state: Option<Cycle> = None;
        for &(entry, start, seat) in &terms {
            let Some(rank) = ranks.rank(&seat.value) else {
                if covered.contains(start) {
                    out.push(not_in_order(context, entry, seat, order));
                }
                continue;
            };
            let Some(cycle) = state.as_mut() else {
                // The first term of the regime starts the first cycle.
                state = Some(Cycle::start(rank, seat, entry));
                continue;
            };
            let skipped = skipped_at(regime, start);
            let expected = |certainly: bool| {
                ranks.next_after(cycle.position, |id| {
                    !skipped.contains(&id)
                        && context
                            .member(id)
                            .is_some_and(|m| member_on(m, start, certainly))
                })
            };
            let (sure, maybe) = (expected(true), expected(false));
            let matches = |e: Option<(usize, &str)>| e.is_some_and(|(_, id)| id == seat.value);
            if matches(sure) || matches(maybe) {
                let wrapped = rank <= cycle.position;
                cycle.advance(rank, seat, entry, wrapped);
                if matches(sure) && matches(maybe) || !covered.contains(start) {
                    continue;
                }
            } else if cycle.owed.remove(seat.value.as_str()) {
                // A member passed over earlier in the cycle takes its turn late: the finding
                // was made where it was passed over.
                cycle.chaired.insert(seat.value.as_str(), entry);
                continue;
            }
            if !covered.contains(start) {
                cycle.jump(&ranks, rank, seat, entry, sure.or(maybe));
                continue;
            }
            let Some((_, due)) = sure.or(maybe) else {
                continue;
            };
            let dates: Vec<&Date> = [&entry.start, &cycle.last.start]
                .into_iter()
                .flatten()
                .map(|f| &f.value)
                .collect();
            let on_every_reading = !matches(sure) && !matches(maybe);
            let certainty = super::certainty(on_every_reading, &dates);
            let previous = cycle.last;
            let earlier = cycle.chaired.get(seat.value.as_str()).copied();
            match earlier.filter(|_| order.one_turn_per_cycle && on_every_reading) {
                Some(earlier) => {
                    out.push(twice(context, entry, seat, earlier, due, certainty));
                    // Its second turn took the due member's: the order goes on from there.
                    if let Some((due_rank, _)) = sure.or(maybe) {
                        cycle.position = due_rank;
                    }
                    cycle.last = entry;
                }
                None if on_every_reading => {
                    let prev_seat = seat_of(context, previous).unwrap_or(seat);
                    out.push(out_of_order(
                        context,
                        (entry, seat),
                        (previous, prev_seat),
                        due,
                        certainty,
                    ));
                    cycle.jump(&ranks, rank, seat, entry, sure.or(maybe));
                }
                None => {
                    // In order on one reading of the members' dates only.
                    let prev_seat = seat_of(context, previous).unwrap_or(seat);
                    out.push(out_of_order(
                        context,
                        (entry, seat),
                        (previous, prev_seat),
                        due,
                        certainty,
                    ));
                }
            }
        }
    }
}

/// Where a rotation stands within a cycle of its order.
struct Cycle<'a> {
    /// The rank of the furthest member reached in the order.
    position: usize,
    /// Who chaired in this cycle, with their term.
    chaired: HashMap<&'a str, &'a ChairEntry>,
    /// Members passed over in this cycle.
    owed: HashSet<&'a str>,
    /// The last term.
    last: &'a ChairEntry,
}

impl<'a> Cycle<'a> {
    fn start(rank: usize, seat: &'a Field<String>, entry: &'a ChairEntry) -> Cycle<'a> {
        Cycle {
            position: rank,
            chaired: HashMap::from([(seat.value.as_str(), entry)]),
            owed: HashSet::new(),
            last: entry,
        }
    }

    /// The term went to the member due: a wrap round the order starts a new cycle.
    fn advance(
        &mut self,
        rank: usize,
        seat: &'a Field<String>,
        entry: &'a ChairEntry,
        wrapped: bool,
    ) {
        if wrapped {
            self.chaired.clear();
            self.owed.clear();
        }
        self.position = rank;
        self.chaired.insert(seat.value.as_str(), entry);
        self.last = entry;
    }

    /// The term went to a member further on than the one due: the ones in between are owed.
    fn jump(
        &mut self,
        ranks: &Ranks<'a>,
        rank: usize,
        seat: &'a Field<String>,
        entry: &'a ChairEntry,
        due: Option<(usize, &'a str)>,
    ) {
        if let Some((due_rank, _)) = due {
            let n = ranks.sorted.len();
            let mut r = due_rank;
            while r != rank && n > 0 {
                self.owed.insert(ranks.sorted[r].1);
                r = (r + 1) % n;
            }
        }
        if rank <= self.position {
            self.chaired.clear();
        }
        self.position = rank;
        self.chaired.insert(seat.value.as_str(), entry);
        self.last = entry;
    }
}

/// The seat that chaired a term: the member it chaired for (`on_behalf_of`), else its one chair.
/// Co-chairmanships have no single place in an order and are left out.
fn seat_of<'a>(context: &Context<'a>, entry: &'a ChairEntry) -> Option<&'a Field<String>> {
    let EntryKind::Term {
        chairs,
        on_behalf_of,
        ..
    } = &entry.kind
    else {
        return None;
    };
    if let Some(seat) = on_behalf_of {
        return Some(seat);
    }
    match &chairs[..] {
        [only] if context.member(&only.value).is_some() => Some(only),
        _ => None,
    }
}

/// Whether `member` is a member on `day`: certainly, or at least possibly.
fn member_on(member: &Member, day: Day, certainly: bool) -> bool {
    member.memberships().any(|(_, s)| {
        if certainly {
            s.certain().contains(day)
        } else {
            s.possible().contains(day)
        }
    })
}

/// The members whose turn, due when a term starting on `start` began, is recorded as skipped.
fn skipped_at(regime: &Regime, start: Day) -> Vec<&str> {
    regime
        .skipped
        .iter()
        .filter(|s| {
            s.when
                .as_ref()
                .is_some_and(|w| w.value.span().contains(start))
        })
        .filter_map(|s| s.member.as_ref().map(|m| m.value.as_str()))
        .collect()
}

/// The key names are sorted by, as a list in alphabetical order would have them: letters
/// without their accents and case first (Côte d'Ivoire comes before Cuba), then, for names
/// equal that way, the accents and case themselves. Ligatures count as their letters (Œ as oe).
fn collation_key(name: &str) -> String {
    let mut key = String::with_capacity(name.len() * 2 + 1);
    for c in name.chars().flat_map(char::to_lowercase) {
        match fold(c) {
            Some(letters) => key.push_str(letters),
            None => key.push(c),
        }
    }
    key.push('\0');
    key.push_str(&name.to_lowercase());
    key.push('\0');
    key.push_str(name);
    key
}

/// A lowercase letter with a diacritic, or a ligature, as the plain letters it sorts with.
fn fold(c: char) -> Option<&'static str> {
    Some(match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' => "a",
        'æ' => "ae",
        'ç' | 'ć' | 'ĉ' | 'ċ' | 'č' => "c",
        'ď' | 'đ' => "d",
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ĕ' | 'ė' | 'ę' | 'ě' => "e",
        'ĝ' | 'ğ' | 'ġ' | 'ģ' => "g",
        'ĥ' | 'ħ' => "h",
        'ì' | 'í' | 'î' | 'ï' | 'ĩ' | 'ī' | 'ĭ' | 'į' | 'ı' => "i",
        'ĵ' => "j",
        'ķ' => "k",
        'ĺ' | 'ļ' | 'ľ' | 'ŀ' | 'ł' => "l",
        'ñ' | 'ń' | 'ņ' | 'ň' => "n",
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ŏ' | 'ő' => "o",
        'œ' => "oe",
        'ŕ' | 'ŗ' | 'ř' => "r",
        'ś' | 'ŝ' | 'ş' | 'š' | 'ș' => "s",
        'ß' => "ss",
        'ţ' | 'ť' | 'ŧ' | 'ț' => "t",
        'ù' | 'ú' | 'û' | 'ü' | 'ũ' | 'ū' | 'ŭ' | 'ů' | 'ű' | 'ų' => "u",
        'ŵ' => "w",
        'ý' | 'ÿ' | 'ŷ' => "y",
        'ź' | 'ż' | 'ž' => "z",
        _ => return None,
    })
}

/// Every member's place in the order.
struct Ranks<'a> {
    /// `(key, id)`, sorted by key.
    sorted: Vec<(String, &'a str)>,
    by_id: HashMap<&'a str, usize>,
}

impl<'a> Ranks<'a> {
    fn of(order: &'a Order, members: &'a [Member]) -> Ranks<'a> {
        let mut sorted: Vec<(String, &str)> = match &order.alphabetical {
            Some(language) => members
                .iter()
                .filter_map(|m| {
                    let id = m.id()?;
                    let name = m.name_in(&language.value).unwrap_or(id);
                    Some((collation_key(name), id))
                })
                .collect(),
            None => order
                .list
                .iter()
                .enumerate()
                .map(|(i, id)| (format!("{i:08}"), id.value.as_str()))
                .collect(),
        };
        sorted.sort();
        let by_id = sorted
            .iter()
            .enumerate()
            .map(|(i, (_, id))| (*id, i))
            .collect();
        Ranks { sorted, by_id }
    }

    fn rank(&self, id: &str) -> Option<usize> {
        self.by_id.get(id).copied()
    }

    /// The first member after `rank`, wrapping round, that `eligible` accepts, with its rank.
    fn next_after(&self, rank: usize, eligible: impl Fn(&str) -> bool) -> Option<(usize, &'a str)> {
        let n = self.sorted.len();
        (1..=n)
            .map(|step| (rank + step) % n)
            .map(|r| (r, self.sorted[r].1))
            .find(|(_, id)| eligible(id))
    }
}

fn when(entry: &ChairEntry) -> String {
    match (&entry.start, &entry.end) {
        (Some(s), Some(e)) if s.value == e.value => format!("in {}", s.value),
        (Some(s), Some(e)) => format!("in {}..{}", s.value, e.value),
        _ => String::new(),
    }
}

fn out_of_order(
    context: &Context,
    (entry, seat): (&ChairEntry, &Field<String>),
    (previous, prev_seat): (&ChairEntry, &Field<String>),
    due: &str,
    certainty: Certainty,
) -> Diagnostic {
    context
        .finding(
            &T012,
            certainty,
            format!(
                "`{}` chairs {}, out of the rotation's order: after `{}` comes `{due}`, whose turn has no recorded skip",
                seat.value,
                when(entry),
                prev_seat.value
            ),
            seat.at,
            format!("`{due}` was due"),
        )
        .with_secondary(Label::new(
            prev_seat.at.file,
            prev_seat.at.span,
            format!("the previous term, {}", when(previous)),
        ))
        .with_help(format!(
            "correct the chair or the dates if they are wrong; if `{due}` gave up its turn, record it under `skipped:` in the rotation regime, with the reason and sources"
        ))
}

fn twice(
    context: &Context,
    entry: &ChairEntry,
    seat: &Field<String>,
    earlier: &ChairEntry,
    due: &str,
    certainty: Certainty,
) -> Diagnostic {
    let mut d = context
        .finding(
            &T012,
            certainty,
            format!(
                "`{}` chairs {} and {} in the same cycle of the rotation's order, where `{due}` was due",
                seat.value,
                when(earlier),
                when(entry)
            ),
            seat.at,
            "a second turn in one cycle",
        )
        .with_help("each member takes one turn per pass through the order: correct the chair or the dates of one of the two terms");
    if let Some(first) = earlier.term().and_then(|t| t.chairs.first()) {
        d = d.with_secondary(Label::new(first.at.file, first.at.span, "its first turn"));
    }
    d
}

fn not_in_order(
    context: &Context,
    entry: &ChairEntry,
    seat: &Field<String>,
    order: &Order,
) -> Diagnostic {
    context
        .finding(
            &T012,
            Certainty::Certain,
            format!(
                "`{}` chairs {}, but has no place in the rotation's order",
                seat.value,
                when(entry)
            ),
            seat.at,
            "not in the order",
        )
        .with_secondary(Label::new(order.at.file, order.at.span, "the order"))
        .with_help("add the member to the order's `list`, or correct the chair")
}

#[cfg(test)]
mod tests {
    use super::collation_key;

    #[test]
    fn names_sort_by_their_letters_before_their_accents() {
        let mut names = [
            "Cuba",
            "Côte d'Ivoire",
            "Angola",
            "Écuador",
            "Estonia",
            "Œland",
        ];
        names.sort_by_key(|n| collation_key(n));
        assert_eq!(
            names,
            [
                "Angola",
                "Côte d'Ivoire",
                "Cuba",
                "Écuador",
                "Estonia",
                "Œland"
            ]
        );
    }
}
