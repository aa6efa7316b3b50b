//! The business profile (thông tin cơ sở) of an entrant: who enters, and
//! where they are.

use serde::{Deserialize, Serialize};

use super::account::{Email, Phone};
use super::text::clean_line;
use super::validation::{Checker, FieldError, Problem};

/// The legal forms a rural-industry establishment may have.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum LegalForm {
    /// A small or medium enterprise (doanh nghiệp).
    Enterprise,
    /// A cooperative (hợp tác xã).
    Cooperative,
    /// A cooperative group (tổ hợp tác).
    CooperativeGroup,
    /// A household business (hộ kinh doanh).
    Household,
}

impl LegalForm {
    /// Every form, in the order the form lists them.
    pub const ALL: [LegalForm; 4] = [
        LegalForm::Enterprise,
        LegalForm::Cooperative,
        LegalForm::CooperativeGroup,
        LegalForm::Household,
    ];

    /// The stored code.
    pub fn code(self) -> &'static str {
        match self {
            LegalForm::Enterprise => "enterprise",
            LegalForm::Cooperative => "cooperative",
            LegalForm::CooperativeGroup => "cooperative_group",
            LegalForm::Household => "household",
        }
    }

    /// Parses a stored code.
    pub fn from_code(code: &str) -> Option<LegalForm> {
        LegalForm::ALL.into_iter().find(|f| f.code() == code)
    }
}

/// The profile form, as typed.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct BusinessForm {
    /// Name of the establishment.
    pub business_name: String,
    /// Legal form code.
    pub legal_form: String,
    /// Registration number (enterprise, cooperative or household registration).
    pub registration_number: String,
    /// Tax code (optional for household businesses without one).
    pub tax_code: String,
    /// Province.
    pub province: String,
    /// Commune (ward).
    pub commune: String,
    /// Street address.
    pub street: String,
    /// Representative's name.
    pub representative: String,
    /// Representative's position.
    pub position: String,
    /// Contact phone.
    pub business_phone: String,
    /// Contact e-mail (optional).
    pub business_email: String,
}

/// A checked profile.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Business {
    /// Name of the establishment.
    pub name: String,
    /// Legal form.
    pub legal_form: LegalForm,
    /// Registration number.
    pub registration_number: String,
    /// Tax code.
    pub tax_code: Option<String>,
    /// Province.
    pub province: String,
    /// Commune.
    pub commune: String,
    /// Street address.
    pub street: String,
    /// Representative's name.
    pub representative: String,
    /// Representative's position.
    pub position: String,
    /// Contact phone.
    pub phone: String,
    /// Contact e-mail.
    pub email: Option<String>,
}

impl Business {
    /// The form showing this profile.
    pub fn to_form(&self) -> BusinessForm {
        BusinessForm {
            business_name: self.name.clone(),
            legal_form: self.legal_form.code().to_owned(),
            registration_number: self.registration_number.clone(),
            tax_code: self.tax_code.clone().unwrap_or_default(),
            province: self.province.clone(),
            commune: self.commune.clone(),
            street: self.street.clone(),
            representative: self.representative.clone(),
            position: self.position.clone(),
            business_phone: self.phone.clone(),
            business_email: self.email.clone().unwrap_or_default(),
        }
    }

    /// The address on one line.
    pub fn address(&self) -> String {
        [self.street.as_str(), self.commune.as_str(), self.province.as_str()]
            .into_iter()
            .filter(|p| !p.is_empty())
            .collect::<Vec<_>>()
            .join(", ")
    }
}

/// Longest name in the profile.
pub const BUSINESS_NAME_MAX: usize = 200;

/// Checks the profile form, reporting every problem at once.
pub fn check_business(form: &BusinessForm) -> Result<Business, Vec<FieldError>> {
    let mut c = Checker::new();
    let line = |c: &mut Checker, field: &str, value: &str, max: usize, required: bool| {
        c.check(clean_line(field, value, max, required)).flatten()
    };
    let name = line(&mut c, "business_name", &form.business_name, BUSINESS_NAME_MAX, true);
    let legal_form = c.check(
        LegalForm::from_code(&form.legal_form).ok_or_else(|| FieldError::new("legal_form", Problem::NotAChoice)),
    );
    let registration_number = line(&mut c, "registration_number", &form.registration_number, 50, true);
    let tax_code = line(&mut c, "tax_code", &form.tax_code, 20, false);
    if let Some(code) = &tax_code {
        if !code.chars().all(|ch| ch.is_ascii_digit() || ch == '-') || !(10..=14).contains(&code.len()) {
            c.push(FieldError::new("tax_code", Problem::InvalidTaxCode));
        }
    }
    let province = line(&mut c, "province", &form.province, 100, true);
    let commune = line(&mut c, "commune", &form.commune, 100, true);
    let street = line(&mut c, "street", &form.street, 200, true);
    let representative = line(&mut c, "representative", &form.representative, 120, true);
    let position = line(&mut c, "position", &form.position, 120, true);
    let phone = c.check(Phone::parse("business_phone", &form.business_phone));
    let email = if form.business_email.trim().is_empty() {
        Some(None)
    } else {
        c.check(Email::parse("business_email", &form.business_email)).map(Some)
    };
    c.finish()?;
    Ok(Business {
        name: name.unwrap_or_default(),
        legal_form: legal_form.unwrap_or(LegalForm::Household),
        registration_number: registration_number.unwrap_or_default(),
        tax_code,
        province: province.unwrap_or_default(),
        commune: commune.unwrap_or_default(),
        street: street.unwrap_or_default(),
        representative: representative.unwrap_or_default(),
        position: position.unwrap_or_default(),
        phone: phone.map(|p| p.as_str().to_owned()).unwrap_or_default(),
        email: email.flatten().map(|e| e.as_str().to_owned()),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    pub(crate) fn form() -> BusinessForm {
        BusinessForm {
            business_name: "Hợp tác xã Gốm Tân Vạn".into(),
            legal_form: "cooperative".into(),
            registration_number: "3600123456".into(),
            tax_code: "3600123456".into(),
            province: "Đồng Nai".into(),
            commune: "Phường Tân Vạn".into(),
            street: "12 đường Bùi Hữu Nghĩa".into(),
            representative: "Nguyễn Văn Gốm".into(),
            position: "Giám đốc".into(),
            business_phone: "0251 3822 123".into(),
            business_email: "".into(),
        }
    }

    #[test]
    fn a_complete_profile_is_accepted_and_round_trips() {
        let business = check_business(&form()).unwrap();
        assert_eq!(business.legal_form, LegalForm::Cooperative);
        assert_eq!(business.phone, "02513822123");
        assert_eq!(business.address(), "12 đường Bùi Hữu Nghĩa, Phường Tân Vạn, Đồng Nai");
        assert_eq!(check_business(&business.to_form()).unwrap(), business);
    }

    #[test]
    fn every_problem_is_named() {
        let mut f = form();
        f.business_name = String::new();
        f.legal_form = "corporation".into();
        f.tax_code = "12ab".into();
        f.business_phone = "123".into();
        f.business_email = "not-mail".into();
        let fields: Vec<String> = check_business(&f).unwrap_err().into_iter().map(|e| e.field).collect();
        assert_eq!(
            fields,
            [
                "business_name",
                "legal_form",
                "tax_code",
                "business_phone",
                "business_email"
            ]
        );
    }

    #[test]
    fn codes_round_trip() {
        for f in LegalForm::ALL {
            assert_eq!(LegalForm::from_code(f.code()), Some(f));
        }
    }
}
