//! The core's closed vocabularies as clap value enums: their values appear in `--help`, shell
//! completion offers them, and a typo gets clap's suggestion. The values are the core's own
//! list (`ALL`, `as_str`), so there is one definition of each vocabulary.

use clap::builder::PossibleValue;
use clap::ValueEnum;
use diplograph::model::{AgreementKind, LifecycleState};
use diplograph::query::EntryKind;

/// Declares `$arg`, a value enum over the core vocabulary `$core`.
macro_rules! value_enum {
    ($(#[$meta:meta])* $arg:ident over $core:ty) => {
        value_enum!($(#[$meta])* $arg over $core, values <$core>::ALL.iter().copied());
    };
    ($(#[$meta:meta])* $arg:ident over $core:ty, values $values:expr) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub struct $arg(pub $core);

        impl ValueEnum for $arg {
            fn value_variants<'a>() -> &'a [Self] {
                static VALUES: std::sync::OnceLock<Vec<$arg>> = std::sync::OnceLock::new();
                VALUES.get_or_init(|| $values.map($arg).collect())
            }

            fn to_possible_value(&self) -> Option<PossibleValue> {
                Some(PossibleValue::new(self.0.as_str()))
            }
        }
    };
}

value_enum!(
    /// An agreement kind (`gsomia`, `treaty`, …) on the command line.
    AgreementKindArg over AgreementKind
);
value_enum!(
    /// An agreement's lifecycle state (`in_force`, `signed`, …) on the command line.
    LifecycleStateArg over LifecycleState
);
value_enum!(
    /// A kind of timeline entry (`event`, an event kind such as `meeting`, `lifecycle`,
    /// `statement`) on the command line.
    EntryKindArg over EntryKind, values EntryKind::all().into_iter()
);
