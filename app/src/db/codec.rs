//! How the domain's typed ids cross the store: each is text (a UUID) in
//! both databases, bound and read as itself through sqlx's `Any` driver,
//! so a query binds `entry` rather than `entry.to_string()` and a row
//! gives back an `EntryId` rather than a string to parse by hand. A column
//! that holds something other than a UUID is a broken store, reported as
//! sqlx's decoding error with the column's name.

use sqlx::any::{Any, AnyTypeInfo};
use sqlx::encode::IsNull;
use sqlx::error::BoxDynError;
use sqlx::{Database, Decode, Encode, Type};

use crate::domain::ids::*;

/// The error for a stored value that does not decode (a broken store):
/// names the column and the value, never guesses.
pub(crate) fn decode_error(column: &str, value: &str) -> sqlx::Error {
    sqlx::Error::Decode(format!("unexpected value in {column}: {value:?}").into())
}

macro_rules! text_id {
    ($(#[$doc:meta] $name:ident),* $(,)?) => {$(
        impl Type<Any> for $name {
            fn type_info() -> AnyTypeInfo {
                <String as Type<Any>>::type_info()
            }
        }

        impl<'q> Encode<'q, Any> for $name {
            fn encode_by_ref(&self, buf: &mut <Any as Database>::ArgumentBuffer<'q>) -> Result<IsNull, BoxDynError> {
                <String as Encode<'q, Any>>::encode(self.to_string(), buf)
            }
        }

        impl<'r> Decode<'r, Any> for $name {
            fn decode(value: <Any as Database>::ValueRef<'r>) -> Result<Self, BoxDynError> {
                let text = <String as Decode<'r, Any>>::decode(value)?;
                $name::parse(&text).ok_or_else(|| format!("not a valid {}: {text:?}", stringify!($name)).into())
            }
        }
    )*};
}

crate::domain::ids::each_id!(text_id);

/// The domain's closed sets (a state, a role, a kind) are stored as their
/// short codes; each binds as its code and a row gives back the value, a
/// code outside the set being a decoding error that names the type.
macro_rules! code_enum {
    ($($name:ty: $code:ident / $from:ident),* $(,)?) => {$(
        impl Type<Any> for $name {
            fn type_info() -> AnyTypeInfo {
                <String as Type<Any>>::type_info()
            }
        }

        impl<'q> Encode<'q, Any> for $name {
            fn encode_by_ref(&self, buf: &mut <Any as Database>::ArgumentBuffer<'q>) -> Result<IsNull, BoxDynError> {
                <&'q str as Encode<'q, Any>>::encode(self.$code(), buf)
            }
        }

        impl<'r> Decode<'r, Any> for $name {
            fn decode(value: <Any as Database>::ValueRef<'r>) -> Result<Self, BoxDynError> {
                let text = <String as Decode<'r, Any>>::decode(value)?;
                <$name>::$from(&text).ok_or_else(|| format!("not a valid {}: {text:?}", stringify!($name)).into())
            }
        }
    )*};
}

code_enum!(
    crate::domain::role::Role: code / from_code,
    crate::domain::entry::EntryState: code / from_code,
    crate::domain::upload::FileKind: code / from_code,
    crate::domain::upload::FileType: mime / from_mime,
    crate::domain::administration::AccountStatus: code / from_code,
    crate::domain::jury::Tie: code / from_code,
    crate::domain::jury::Override: code / from_code,
    crate::domain::council::Ballot: code / from_code,
    crate::domain::lifecycle::RoundState: code / from_code,
    crate::domain::business::LegalForm: code / from_code,
    crate::domain::scoring::SheetState: code / from_code,
    crate::db::outbox::MessageStatus: code / from_code,
);

/// An instant (milliseconds) and a number of points (hundredths) are
/// stored as 64-bit integers and read back as themselves.
macro_rules! integer_newtype {
    ($($name:ty),* $(,)?) => {$(
        impl Type<Any> for $name {
            fn type_info() -> AnyTypeInfo {
                <i64 as Type<Any>>::type_info()
            }

            fn compatible(ty: &AnyTypeInfo) -> bool {
                <i64 as Type<Any>>::compatible(ty)
            }
        }

        impl<'q> Encode<'q, Any> for $name {
            fn encode_by_ref(&self, buf: &mut <Any as Database>::ArgumentBuffer<'q>) -> Result<IsNull, BoxDynError> {
                <i64 as Encode<'q, Any>>::encode(self.0, buf)
            }
        }

        impl<'r> Decode<'r, Any> for $name {
            fn decode(value: <Any as Database>::ValueRef<'r>) -> Result<Self, BoxDynError> {
                Ok(Self(<i64 as Decode<'r, Any>>::decode(value)?))
            }
        }
    )*};
}

integer_newtype!(crate::domain::time::Timestamp, crate::domain::points::Points);
