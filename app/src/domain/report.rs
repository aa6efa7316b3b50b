//! The jury's report: how the submitted sheets of each entry combine into
//! its official score, the figures the council reads beside it, and the
//! rank of each entry in its product group.
//!
//! The official score is the arithmetic mean of the submitted totals
//! (domain: "Combining"). It is kept as an exact fraction — the sum of the
//! totals over the number of sheets — so that the threshold and the ranking
//! compare exactly; only its display is rounded (to hundredths, half up).

use std::cmp::Ordering;

use serde::{Deserialize, Serialize};

use super::points::Points;

/// A mean kept exact: `sum / count` hundredths of a point.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Mean {
    /// Sum of the values, in hundredths.
    pub sum: i64,
    /// How many values (at least one).
    pub count: i64,
}

impl Mean {
    /// The mean of `values`, or `None` when there are none.
    pub fn of(values: impl IntoIterator<Item = Points>) -> Option<Mean> {
        let (sum, count) = values.into_iter().fold((0, 0), |(s, c), p| (s + p.0, c + 1));
        (count > 0).then_some(Mean { sum, count })
    }

    /// Rounded to hundredths of a point, half away from zero.
    pub fn rounded(self) -> Points {
        let twice = 2 * self.sum.abs() + self.count;
        let magnitude = twice / (2 * self.count);
        Points(if self.sum < 0 { -magnitude } else { magnitude })
    }

    /// Whether the mean is at least `points` (exact).
    pub fn at_least(self, points: Points) -> bool {
        i128::from(self.sum) >= i128::from(points.0) * i128::from(self.count)
    }
}

impl PartialOrd for Mean {
    fn partial_cmp(&self, other: &Mean) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Mean {
    /// By value (exact cross-multiplication), then by count so that the
    /// order is total and agrees with equality.
    fn cmp(&self, other: &Mean) -> Ordering {
        let left = i128::from(self.sum) * i128::from(other.count);
        let right = i128::from(other.sum) * i128::from(self.count);
        left.cmp(&right).then(self.count.cmp(&other.count))
    }
}

/// What the report reads of one submitted sheet.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SubmittedSheet {
    /// The sheet's total.
    pub total: Points,
    /// Its sum per criterion group, in the order of the round's criteria.
    pub per_criterion: Vec<Points>,
}

/// The figures of one entry.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct EntryFigures {
    /// Submitted sheets counted.
    pub sheets: usize,
    /// The official score: the mean of the submitted totals.
    pub official: Option<Mean>,
    /// The mean per criterion group.
    pub per_criterion: Vec<Option<Mean>>,
    /// The median of the totals (the mean of the two middle ones when
    /// their number is even).
    pub median: Option<Mean>,
    /// The lowest total.
    pub lowest: Option<Points>,
    /// The highest total.
    pub highest: Option<Points>,
    /// Highest less lowest.
    pub spread: Option<Points>,
    /// Whether the official score reaches the round's threshold.
    pub reaches: bool,
    /// Whether the jurors disagree widely (spread above the round's
    /// setting): the council should discuss the entry.
    pub flagged: bool,
}

/// Combines the submitted sheets of one entry, for a sheet of `criteria`
/// criterion groups, against the round's `threshold` and `spread_flag`.
pub fn figures(sheets: &[SubmittedSheet], criteria: usize, threshold: Points, spread_flag: Points) -> EntryFigures {
    let official = Mean::of(sheets.iter().map(|s| s.total));
    let per_criterion = (0..criteria)
        .map(|i| {
            Mean::of(
                sheets
                    .iter()
                    .map(|s| s.per_criterion.get(i).copied().unwrap_or_default()),
            )
        })
        .collect();
    let mut totals: Vec<Points> = sheets.iter().map(|s| s.total).collect();
    totals.sort();
    let median = match totals.len() {
        0 => None,
        n if n % 2 == 1 => Mean::of([totals[n / 2]]),
        n => Mean::of([totals[n / 2 - 1], totals[n / 2]]),
    };
    let lowest = totals.first().copied();
    let highest = totals.last().copied();
    let spread = lowest.zip(highest).map(|(l, h)| Points(h.0 - l.0));
    EntryFigures {
        sheets: sheets.len(),
        official,
        per_criterion,
        median,
        lowest,
        highest,
        spread,
        reaches: official.is_some_and(|m| m.at_least(threshold)),
        flagged: spread.is_some_and(|s| s > spread_flag),
    }
}

/// Ranks official scores within a group: 1 for the highest, equal scores
/// share a rank and the next rank skips ("1, 2, 2, 4"). An entry without
/// a submitted sheet has no rank.
pub fn ranks(scores: &[Option<Mean>]) -> Vec<Option<usize>> {
    let value = |m: &Mean| (i128::from(m.sum), i128::from(m.count));
    scores
        .iter()
        .map(|score| {
            score.map(|mine| {
                let (ms, mc) = value(&mine);
                1 + scores
                    .iter()
                    .flatten()
                    .filter(|other| {
                        let (os, oc) = value(other);
                        os * mc > ms * oc
                    })
                    .count()
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    fn sheet(total: i64, parts: [i64; 4]) -> SubmittedSheet {
        SubmittedSheet {
            total: Points::whole(total),
            per_criterion: parts.iter().map(|p| Points::whole(*p)).collect(),
        }
    }

    #[test]
    fn the_official_score_is_the_mean_of_the_totals() {
        let sheets = [
            sheet(72, [30, 28, 7, 7]),
            sheet(80, [32, 32, 8, 8]),
            sheet(69, [28, 27, 7, 7]),
        ];
        let f = figures(&sheets, 4, Points::whole(70), Points::whole(20));
        let official = f.official.unwrap();
        assert_eq!((official.sum, official.count), (22_100, 3));
        // 221 / 3 = 73,666… shown as 73,67.
        assert_eq!(official.rounded(), Points(7367));
        assert_eq!(f.per_criterion[0].unwrap().rounded(), Points(3000));
        assert_eq!(f.median.unwrap().rounded(), Points::whole(72));
        assert_eq!(
            (f.lowest, f.highest, f.spread),
            (
                Some(Points::whole(69)),
                Some(Points::whole(80)),
                Some(Points::whole(11))
            )
        );
        assert!(f.reaches);
        assert!(!f.flagged);
        assert_eq!(f.sheets, 3);
    }

    #[test]
    fn the_threshold_compares_exactly() {
        // 69,99… is not 70, even though it would round to 70,00.
        let sheets = [
            sheet(70, [0; 4]),
            sheet(70, [0; 4]),
            SubmittedSheet {
                total: Points(6999),
                per_criterion: vec![],
            },
        ];
        let f = figures(&sheets, 4, Points::whole(70), Points::whole(20));
        assert_eq!(f.official.unwrap().rounded(), Points(7000));
        assert!(!f.reaches);
        let at = figures(
            &[sheet(60, [0; 4]), sheet(80, [0; 4])],
            4,
            Points::whole(70),
            Points::whole(20),
        );
        assert!(at.reaches, "exactly the threshold reaches it");
    }

    #[test]
    fn a_wide_spread_is_flagged_and_the_median_of_an_even_count_is_a_mean() {
        let f = figures(
            &[
                sheet(50, [0; 4]),
                sheet(75, [0; 4]),
                sheet(70, [0; 4]),
                sheet(71, [0; 4]),
            ],
            4,
            Points::whole(70),
            Points::whole(20),
        );
        assert!(f.flagged, "a spread of 25 is above 20");
        assert_eq!(f.median.unwrap().rounded(), Points(7050));
        let edge = figures(
            &[sheet(50, [0; 4]), sheet(70, [0; 4])],
            4,
            Points::whole(70),
            Points::whole(20),
        );
        assert!(!edge.flagged, "a spread of exactly 20 is not above 20");
    }

    #[test]
    fn no_sheet_gives_no_score() {
        let f = figures(&[], 4, Points::whole(70), Points::whole(20));
        assert_eq!(f.official, None);
        assert_eq!(f.per_criterion, vec![None; 4]);
        assert!(!f.reaches && !f.flagged);
    }

    #[test]
    fn rounding_is_half_up() {
        assert_eq!(Mean { sum: 1, count: 2 }.rounded(), Points(1));
        assert_eq!(Mean { sum: 1, count: 3 }.rounded(), Points(0));
        assert_eq!(Mean { sum: 2, count: 3 }.rounded(), Points(1));
        assert_eq!(Mean { sum: -1, count: 2 }.rounded(), Points(-1));
    }

    #[test]
    fn equal_scores_share_a_rank() {
        let m = |sum, count| Some(Mean { sum, count });
        let ranks = ranks(&[m(7000, 1), m(8000, 1), m(14_000, 2), None, m(9000, 1)]);
        assert_eq!(ranks, vec![Some(3), Some(2), Some(3), None, Some(1)]);
    }

    proptest! {
        /// For any set of sheets, the official score is the mean of the
        /// submitted totals: its rounding is within half a hundredth of the
        /// true mean, and it reaches a threshold exactly when the totals'
        /// sum reaches threshold × count.
        #[test]
        fn official_score_is_the_mean_of_totals(
            totals in proptest::collection::vec(0i64..=10_000, 1..15),
            threshold in 0i64..=10_000,
        ) {
            let sheets: Vec<SubmittedSheet> = totals
                .iter()
                .map(|t| SubmittedSheet { total: Points(*t), per_criterion: vec![Points(*t)] })
                .collect();
            let f = figures(&sheets, 1, Points(threshold), Points::whole(20));
            let official = f.official.unwrap();
            let sum: i64 = totals.iter().sum();
            let n = totals.len() as i64;
            prop_assert_eq!(official, Mean { sum, count: n });
            let mean = sum as f64 / n as f64;
            prop_assert!((official.rounded().0 as f64 - mean).abs() <= 0.5);
            prop_assert_eq!(f.reaches, sum >= threshold * n);
            prop_assert_eq!(f.per_criterion[0], Some(official));
            let low = *totals.iter().min().unwrap();
            let high = *totals.iter().max().unwrap();
            prop_assert!(f.median.unwrap().at_least(Points(low)));
            let highest = Mean { sum: high, count: 1 };
            prop_assert!(highest >= f.median.unwrap());
        }

        /// Ranks agree with the order of the scores.
        #[test]
        fn ranks_follow_the_scores(sums in proptest::collection::vec((0i64..=10_000, 1i64..5), 1..20)) {
            let scores: Vec<Option<Mean>> = sums.iter().map(|(s, c)| Some(Mean { sum: s * c, count: *c })).collect();
            let ranks = ranks(&scores);
            for (i, a) in scores.iter().enumerate() {
                for (j, b) in scores.iter().enumerate() {
                    let (a, b) = (a.unwrap(), b.unwrap());
                    let higher = i128::from(a.sum) * i128::from(b.count) > i128::from(b.sum) * i128::from(a.count);
                    if higher {
                        prop_assert!(ranks[i] < ranks[j]);
                    }
                }
            }
        }
    }
}
