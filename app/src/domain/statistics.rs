//! The programme's figures across rounds whose results are published:
//! entries considered and products recognised by product group, territory,
//! level and year, recognition rates, and the distribution of official
//! scores. Pure counting, shared by the page and its CSV.

use serde::{Deserialize, Serialize};

use super::report::Mean;

/// One eligible entry of a published round, as the figures count it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Fact {
    /// Recognised by the decision.
    pub recognised: bool,
    /// Its official score, if it had submitted sheets.
    pub score: Option<Mean>,
    /// Its product group: number and names.
    pub group: Option<(i64, String, String)>,
    /// The round's year.
    pub year: i32,
    /// The level: rank and names.
    pub level: (i64, String, String),
    /// The territory's names.
    pub territory: (String, String),
}

/// One line of a breakdown.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Line {
    /// Its label in Vietnamese.
    pub vi: String,
    /// Its label in English.
    pub en: String,
    /// Eligible entries considered.
    pub entries: usize,
    /// Products recognised.
    pub recognised: usize,
}

impl Line {
    /// The recognition rate in tenths of a percent (none without entries).
    pub fn rate_permille(&self) -> Option<usize> {
        (self.entries > 0).then(|| (self.recognised * 1000 + self.entries / 2) / self.entries)
    }

    /// The rate as Vietnamese writes it ("33,3 %"), or a dash.
    pub fn rate_text(&self) -> String {
        match self.rate_permille() {
            Some(p) => format!("{},{} %", p / 10, p % 10),
            None => "—".into(),
        }
    }
}

/// Counts `facts` by the key `key` gives (sort key, Vietnamese and English
/// labels), in the order of the sort key.
pub fn breakdown<K: Ord + Clone>(facts: &[Fact], key: impl Fn(&Fact) -> (K, String, String)) -> Vec<Line> {
    let mut lines: std::collections::BTreeMap<K, Line> = std::collections::BTreeMap::new();
    for fact in facts {
        let (sort, vi, en) = key(fact);
        let line = lines.entry(sort).or_insert_with(|| Line {
            vi,
            en,
            entries: 0,
            recognised: 0,
        });
        line.entries += 1;
        line.recognised += usize::from(fact.recognised);
    }
    lines.into_values().collect()
}

/// How many official scores fall in each band of ten points: `[0, 10)`,
/// …, `[90, 100]` (100 counts in the last band). Entries without a score
/// are not counted.
pub fn score_bands(facts: &[Fact]) -> [usize; 10] {
    let mut bands = [0; 10];
    for score in facts.iter().filter_map(|f| f.score) {
        // Whole points, rounded down: 69,99 is in [60, 70).
        let whole = score.sum / (score.count.max(1) * 100);
        let band = usize::try_from(whole / 10).unwrap_or(0).min(9);
        bands[band] += 1;
    }
    bands
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fact(recognised: bool, score: i64, group: i64, year: i32) -> Fact {
        Fact {
            recognised,
            score: Some(Mean {
                sum: score * 100,
                count: 1,
            }),
            group: Some((group, format!("Nhóm {group}"), format!("Group {group}"))),
            year,
            level: (2, "Cấp tỉnh".into(), "Province".into()),
            territory: ("Đồng Nai".into(), "Dong Nai".into()),
        }
    }

    #[test]
    fn breakdowns_count_entries_and_recognitions() {
        let facts = [
            fact(true, 80, 1, 2024),
            fact(false, 60, 1, 2026),
            fact(true, 75, 2, 2026),
        ];
        let by_group = breakdown(&facts, |f| {
            let (n, vi, en) = f.group.clone().unwrap();
            (n, vi, en)
        });
        assert_eq!(by_group.len(), 2);
        assert_eq!((by_group[0].entries, by_group[0].recognised), (2, 1));
        assert_eq!(by_group[0].rate_permille(), Some(500));
        let by_year = breakdown(&facts, |f| (f.year, f.year.to_string(), f.year.to_string()));
        assert_eq!(
            by_year.iter().map(|l| l.vi.as_str()).collect::<Vec<_>>(),
            ["2024", "2026"]
        );
        let third = Line {
            vi: String::new(),
            en: String::new(),
            entries: 3,
            recognised: 1,
        };
        assert_eq!(third.rate_permille(), Some(333));
        assert_eq!(third.rate_text(), "33,3 %");
        let none = Line {
            vi: String::new(),
            en: String::new(),
            entries: 0,
            recognised: 0,
        };
        assert_eq!(none.rate_permille(), None);
    }

    #[test]
    fn scores_fall_in_bands_of_ten() {
        let mut facts = vec![
            fact(true, 100, 1, 2026),
            fact(true, 70, 1, 2026),
            fact(false, 0, 1, 2026),
        ];
        facts.push(Fact {
            score: Some(Mean { sum: 6999, count: 1 }),
            ..fact(false, 0, 1, 2026)
        });
        facts.push(Fact {
            score: None,
            ..fact(false, 0, 1, 2026)
        });
        let bands = score_bands(&facts);
        assert_eq!(bands[9], 1, "100 is in the last band");
        assert_eq!(bands[7], 1);
        assert_eq!(bands[6], 1, "69,99 is below 70");
        assert_eq!(bands[0], 1);
        assert_eq!(bands.iter().sum::<usize>(), 4, "no score, not counted");
    }
}
