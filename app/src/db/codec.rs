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
