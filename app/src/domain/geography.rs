//! Levels (cấp) and territories (địa bàn) are data an administrator keeps,
//! never constants: the district level became the commune level in 2025
//! and provinces were merged. A level's rank orders the path upward
//! (commune 1 < province 2 < region 3 < national 4).

use super::points::parse_whole;
use super::text::clean_line;
use super::validation::{Checker, FieldError, Problem};

/// Longest name of a level or territory.
pub const GEO_NAME_MAX: usize = 120;

/// A checked level.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LevelInput {
    /// Vietnamese name (cấp tỉnh).
    pub name_vi: String,
    /// English name (province).
    pub name_en: String,
    /// Position on the path upward, 1 (lowest) to 9.
    pub rank: i64,
}

/// Checks a level form.
pub fn check_level(name_vi: &str, name_en: &str, rank: &str) -> Result<LevelInput, Vec<FieldError>> {
    let mut checker = Checker::new();
    let name_vi = checker.check(clean_line("name_vi", name_vi, GEO_NAME_MAX, true));
    let name_en = checker.check(clean_line("name_en", name_en, GEO_NAME_MAX, true));
    let rank = checker.check(parse_whole("rank", rank, 1, 9));
    checker.finish()?;
    Ok(LevelInput {
        name_vi: name_vi.flatten().unwrap_or_default(),
        name_en: name_en.flatten().unwrap_or_default(),
        rank: rank.unwrap_or(1),
    })
}

/// A checked territory.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TerritoryInput {
    /// Vietnamese name (Đồng Nai).
    pub name_vi: String,
    /// English name; the Vietnamese one when left empty.
    pub name_en: String,
}

/// Checks a territory form. `level_rank` is the rank of its level;
/// `parent_rank` that of the parent's level, if it has a parent, which
/// must be higher (a province sits under a region, not the reverse).
pub fn check_territory(
    name_vi: &str,
    name_en: &str,
    level_rank: Option<i64>,
    parent_rank: Option<i64>,
) -> Result<TerritoryInput, Vec<FieldError>> {
    let mut checker = Checker::new();
    let name_vi = checker
        .check(clean_line("name_vi", name_vi, GEO_NAME_MAX, true))
        .flatten();
    let name_en = checker
        .check(clean_line("name_en", name_en, GEO_NAME_MAX, false))
        .flatten();
    if level_rank.is_none() {
        checker.push(FieldError::new("level", Problem::NotAChoice));
    }
    if let (Some(level), Some(parent)) = (level_rank, parent_rank) {
        if parent <= level {
            checker.push(FieldError::new("parent", Problem::ParentLevelTooLow));
        }
    }
    checker.finish()?;
    let name_vi = name_vi.unwrap_or_default();
    Ok(TerritoryInput {
        name_en: name_en.unwrap_or_else(|| name_vi.clone()),
        name_vi,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_level_needs_names_and_a_rank_from_1_to_9() {
        assert_eq!(
            check_level("Cấp tỉnh", "Province", "2"),
            Ok(LevelInput {
                name_vi: "Cấp tỉnh".into(),
                name_en: "Province".into(),
                rank: 2
            })
        );
        let errors = check_level("", "", "2,5").unwrap_err();
        let fields: Vec<_> = errors.iter().map(|e| (e.field.as_str(), e.problem.clone())).collect();
        assert_eq!(
            fields,
            [
                ("name_vi", Problem::Required),
                ("name_en", Problem::Required),
                ("rank", Problem::WholeNumberRequired)
            ]
        );
        assert!(check_level("a", "b", "10").is_err());
    }

    #[test]
    fn a_territory_sits_under_a_higher_level_only() {
        assert!(check_territory("Đồng Nai", "", Some(2), Some(3)).is_ok());
        assert_eq!(
            check_territory("Đồng Nai", "", Some(2), None).unwrap().name_en,
            "Đồng Nai"
        );
        let errors = check_territory("Miền Nam", "South", Some(3), Some(2)).unwrap_err();
        assert_eq!(errors[0].problem, Problem::ParentLevelTooLow);
        let errors = check_territory("X", "", Some(2), Some(2)).unwrap_err();
        assert_eq!(errors[0].field, "parent");
        assert_eq!(check_territory("X", "", None, None).unwrap_err()[0].field, "level");
    }
}
