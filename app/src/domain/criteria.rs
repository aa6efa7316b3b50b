//! The official score sheet (Appendix 4 of Circular 26/2014) and the
//! sub-criteria a jury agrees per product group. The law fixes the four
//! criterion groups and their maxima; everything below them is data of
//! the round.

use serde::{Deserialize, Serialize};

use super::points::{parse_points, Points};
use super::text::{clean_line, clean_paragraphs};
use super::validation::{Checker, FieldError, Problem};

/// A name in both languages.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Official {
    /// Its number on the sheet (1–4).
    pub number: i64,
    /// Vietnamese name.
    pub name_vi: &'static str,
    /// English name.
    pub name_en: &'static str,
    /// Maximum points (criterion groups only; zero for product groups).
    pub max: Points,
}

/// The four product groups of Art. 5.
pub const PRODUCT_GROUPS: [Official; 4] = [
    Official {
        number: 1,
        name_vi: "Sản phẩm thủ công mỹ nghệ",
        name_en: "Handicrafts and fine-art products",
        max: Points(0),
    },
    Official {
        number: 2,
        name_vi: "Sản phẩm chế biến nông, lâm, thủy sản và thực phẩm",
        name_en: "Processed agricultural, forestry and fishery products, and food",
        max: Points(0),
    },
    Official {
        number: 3,
        name_vi: "Thiết bị, máy móc, dụng cụ và phụ tùng cơ khí",
        name_en: "Equipment, machinery, tools and mechanical spare parts",
        max: Points(0),
    },
    Official {
        number: 4,
        name_vi: "Các sản phẩm khác",
        name_en: "Other products",
        max: Points(0),
    },
];

/// The four criterion groups of the official sheet: 40/40/10/10.
pub const CRITERIA: [Official; 4] = [
    Official {
        number: 1,
        name_vi: "Đáp ứng thị trường và khả năng phát triển sản xuất",
        name_en: "Meeting the market and capacity to develop production",
        max: Points::whole(40),
    },
    Official {
        number: 2,
        name_vi: "Kinh tế – kỹ thuật – xã hội và môi trường",
        name_en: "Economic, technical, social and environmental value",
        max: Points::whole(40),
    },
    Official {
        number: 3,
        name_vi: "Tính văn hóa, tính thẩm mỹ",
        name_en: "Cultural and aesthetic value",
        max: Points::whole(10),
    },
    Official {
        number: 4,
        name_vi: "Một số tiêu chí khác",
        name_en: "Other criteria",
        max: Points::whole(10),
    },
];

/// The total of the official sheet.
pub fn sheet_total() -> Points {
    Points(CRITERIA.iter().map(|c| c.max.0).sum())
}

/// Longest sub-criterion name.
pub const SUB_NAME_MAX: usize = 300;
/// Longest guidance text.
pub const GUIDANCE_MAX: usize = 2000;
/// Most sub-criteria under one criterion group.
pub const SUB_ROWS_MAX: usize = 20;

/// One row of the sub-criteria form, as typed.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SubCriterionRow {
    /// Vietnamese name.
    pub name_vi: String,
    /// English name (optional).
    pub name_en: String,
    /// Maximum points, as typed.
    pub max: String,
    /// Guidance for jurors (optional).
    pub guidance: String,
}

impl SubCriterionRow {
    fn is_blank(&self) -> bool {
        [&self.name_vi, &self.name_en, &self.max, &self.guidance]
            .iter()
            .all(|v| v.trim().is_empty())
    }
}

/// A checked sub-criterion.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SubCriterion {
    /// Vietnamese name.
    pub name_vi: String,
    /// English name; the Vietnamese one when none was given.
    pub name_en: String,
    /// Maximum points (whole).
    pub max: Points,
    /// Guidance for jurors.
    pub guidance: Option<String>,
}

/// Checks the sub-criteria of one criterion group for one product group,
/// as a whole: blank rows are ignored; each row needs a name and a whole
/// positive maximum; names differ; and the maxima add up to the criterion
/// group's maximum. No rows at all means the group is scored as one line.
/// Field names are `name_vi_<i>`, `max_<i>`, … by row index, and `total`.
pub fn check_sub_criteria(
    criterion_max: Points,
    rows: &[SubCriterionRow],
) -> Result<Vec<SubCriterion>, Vec<FieldError>> {
    let mut checker = Checker::new();
    let mut checked = Vec::new();
    for (i, row) in rows.iter().enumerate().filter(|(_, r)| !r.is_blank()) {
        if checked.len() >= SUB_ROWS_MAX {
            checker.push(FieldError::new(
                &format!("name_vi_{i}"),
                Problem::TooLong { max: SUB_ROWS_MAX },
            ));
            break;
        }
        let name_vi = checker
            .check(clean_line(&format!("name_vi_{i}"), &row.name_vi, SUB_NAME_MAX, true))
            .flatten();
        let name_en = checker
            .check(clean_line(&format!("name_en_{i}"), &row.name_en, SUB_NAME_MAX, false))
            .flatten();
        let max = checker.check(parse_points(
            &format!("max_{i}"),
            &row.max,
            Points::whole(1),
            criterion_max,
            true,
        ));
        let guidance = checker.check(clean_paragraphs(
            &format!("guidance_{i}"),
            &row.guidance,
            GUIDANCE_MAX,
            false,
        ));
        if let (Some(name_vi), Some(max), Some(guidance)) = (name_vi, max, guidance) {
            if checked
                .iter()
                .any(|c: &SubCriterion| c.name_vi.to_lowercase() == name_vi.to_lowercase())
            {
                checker.push(FieldError::new(&format!("name_vi_{i}"), Problem::Taken));
                continue;
            }
            checked.push(SubCriterion {
                name_en: name_en.unwrap_or_else(|| name_vi.clone()),
                name_vi,
                max,
                guidance,
            });
        }
    }
    if !checker.has_any() && !checked.is_empty() {
        let sum = Points(checked.iter().map(|c| c.max.0).sum());
        if sum != criterion_max {
            checker.push(FieldError::new(
                "total",
                Problem::SumMismatch {
                    sum: sum.display(),
                    expected: criterion_max.display(),
                },
            ));
        }
    }
    checker.finish()?;
    Ok(checked)
}

/// Why criteria cannot be changed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum CriteriaRefusal {
    /// A score sheet of the round exists: the criteria it was scored on
    /// must stay as they were.
    #[error("criteria are frozen once scoring has begun")]
    Frozen,
}

/// Whether the criteria of a round may still change.
pub fn check_criteria_editable(score_sheets_exist: bool) -> Result<(), CriteriaRefusal> {
    if score_sheets_exist {
        Err(CriteriaRefusal::Frozen)
    } else {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(name: &str, max: &str) -> SubCriterionRow {
        SubCriterionRow {
            name_vi: name.into(),
            max: max.into(),
            ..SubCriterionRow::default()
        }
    }

    #[test]
    fn the_official_sheet_is_40_40_10_10() {
        let maxima: Vec<i64> = CRITERIA.iter().map(|c| c.max.0 / 100).collect();
        assert_eq!(maxima, [40, 40, 10, 10]);
        assert_eq!(sheet_total(), Points::whole(100));
        assert_eq!(PRODUCT_GROUPS.len(), 4);
    }

    #[test]
    fn sub_criteria_must_add_up_to_the_group_maximum() {
        let ok = check_sub_criteria(
            Points::whole(40),
            &[
                row("Nhu cầu thị trường trong nước và xuất khẩu", "15"),
                row("Khả năng sản xuất hàng loạt", "15"),
                row("Sử dụng nguyên liệu địa phương", "10"),
            ],
        )
        .unwrap();
        assert_eq!(ok.len(), 3);
        assert_eq!(ok[0].name_en, ok[0].name_vi);
        let errors = check_sub_criteria(Points::whole(40), &[row("A", "15"), row("B", "15")]).unwrap_err();
        assert_eq!(
            errors,
            [FieldError::new(
                "total",
                Problem::SumMismatch {
                    sum: "30".into(),
                    expected: "40".into()
                }
            )]
        );
    }

    #[test]
    fn blank_rows_are_ignored_and_no_rows_is_allowed() {
        assert_eq!(
            check_sub_criteria(Points::whole(10), &[row("", ""), row(" ", " ")]),
            Ok(vec![])
        );
        let checked = check_sub_criteria(Points::whole(10), &[row("", ""), row("Tính thẩm mỹ", "10")]).unwrap();
        assert_eq!(checked.len(), 1);
    }

    #[test]
    fn maxima_are_whole_and_positive_and_names_differ() {
        let problems = |rows: &[SubCriterionRow]| -> Vec<(String, Problem)> {
            check_sub_criteria(Points::whole(10), rows)
                .unwrap_err()
                .into_iter()
                .map(|e| (e.field, e.problem))
                .collect()
        };
        assert_eq!(
            problems(&[row("A", "2,5"), row("B", "7,5")])[0].1,
            Problem::WholeNumberRequired
        );
        assert_eq!(problems(&[row("A", "-5"), row("B", "15")])[0].0, "max_0");
        assert_eq!(problems(&[row("A", "0"), row("B", "10")])[0].0, "max_0");
        assert_eq!(problems(&[row("A", "abc")])[0].1, Problem::NotANumber);
        assert_eq!(
            problems(&[row("Giá trị", "5"), row("giá trị", "5")]),
            [("name_vi_1".into(), Problem::Taken)]
        );
        assert_eq!(problems(&[row("", "10")]), [("name_vi_0".into(), Problem::Required)]);
    }

    #[test]
    fn criteria_freeze_when_scoring_begins() {
        assert_eq!(check_criteria_editable(false), Ok(()));
        assert_eq!(check_criteria_editable(true), Err(CriteriaRefusal::Frozen));
    }
}
