//! The keys of an assessment file, in one place: one enum per kind of
//! table, each listing its keys in the order kin writes them. The loader,
//! the writer, `kin set --clear` and the diff all name keys through these;
//! the names themselves are written only here.
//!
//! This module depends on nothing else in kin, so every layer may use it.

/// The keys one kind of table allows, in the order kin writes them.
pub trait TableKey: Copy + Eq + std::fmt::Debug + 'static {
    /// Every key, in the order kin writes them.
    const ALL: &'static [Self];

    /// The key as written in the file.
    fn as_str(self) -> &'static str;

    /// The key named `name`; `None` when the table allows no such key.
    fn find(name: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|key| key.as_str() == name)
    }

    /// Every key as written, for "allowed: …" in messages.
    fn names() -> Vec<&'static str> {
        Self::ALL.iter().map(|key| key.as_str()).collect()
    }
}

/// A key at the top of an assessment file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TopKey {
    Schema,
    Field,
    FieldVersion,
    Kommune,
    Answers,
    Suggestions,
    Own,
}

impl TableKey for TopKey {
    const ALL: &'static [TopKey] = &[
        TopKey::Schema,
        TopKey::Field,
        TopKey::FieldVersion,
        TopKey::Kommune,
        TopKey::Answers,
        TopKey::Suggestions,
        TopKey::Own,
    ];

    fn as_str(self) -> &'static str {
        match self {
            TopKey::Schema => "schema",
            TopKey::Field => "field",
            TopKey::FieldVersion => "field_version",
            TopKey::Kommune => "kommune",
            TopKey::Answers => "answers",
            TopKey::Suggestions => "suggestions",
            TopKey::Own => "own",
        }
    }
}

/// A key of the `[kommune]` table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KommuneKey {
    Name,
    Ags,
    Assessor,
    Date,
}

impl TableKey for KommuneKey {
    const ALL: &'static [KommuneKey] = &[
        KommuneKey::Name,
        KommuneKey::Ags,
        KommuneKey::Assessor,
        KommuneKey::Date,
    ];

    fn as_str(self) -> &'static str {
        match self {
            KommuneKey::Name => "name",
            KommuneKey::Ags => "ags",
            KommuneKey::Assessor => "assessor",
            KommuneKey::Date => "date",
        }
    }
}

/// A key of a suggestion's table: what is recorded for an item.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ItemKey {
    Status,
    Note,
    Partners,
    Evidence,
    Responsible,
    Due,
}

impl TableKey for ItemKey {
    const ALL: &'static [ItemKey] = &[
        ItemKey::Status,
        ItemKey::Note,
        ItemKey::Partners,
        ItemKey::Evidence,
        ItemKey::Responsible,
        ItemKey::Due,
    ];

    fn as_str(self) -> &'static str {
        match self {
            ItemKey::Status => "status",
            ItemKey::Note => "note",
            ItemKey::Partners => "partners",
            ItemKey::Evidence => "evidence",
            ItemKey::Responsible => "responsible",
            ItemKey::Due => "due",
        }
    }
}

/// A key of an own measure (`[[own]]`): its own three, then those of a
/// suggestion.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OwnKey {
    Id,
    Category,
    Title,
    Item(ItemKey),
}

impl TableKey for OwnKey {
    const ALL: &'static [OwnKey] = &[
        OwnKey::Id,
        OwnKey::Category,
        OwnKey::Title,
        OwnKey::Item(ItemKey::Status),
        OwnKey::Item(ItemKey::Note),
        OwnKey::Item(ItemKey::Partners),
        OwnKey::Item(ItemKey::Evidence),
        OwnKey::Item(ItemKey::Responsible),
        OwnKey::Item(ItemKey::Due),
    ];

    fn as_str(self) -> &'static str {
        match self {
            OwnKey::Id => "id",
            OwnKey::Category => "category",
            OwnKey::Title => "title",
            OwnKey::Item(key) => key.as_str(),
        }
    }
}

/// A key at the top of an alias file (`kin network --aliases`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AliasFileKey {
    Aliases,
}

impl TableKey for AliasFileKey {
    const ALL: &'static [AliasFileKey] = &[AliasFileKey::Aliases];

    fn as_str(self) -> &'static str {
        match self {
            AliasFileKey::Aliases => "aliases",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn distinct<K: TableKey>() {
        let names = K::names();
        for (i, name) in names.iter().enumerate() {
            assert!(!names[..i].contains(name), "{name} twice");
            assert_eq!(K::find(name).map(K::as_str), Some(*name));
        }
        assert_eq!(K::find("unbekannt"), None);
    }

    #[test]
    fn every_key_has_one_name_and_is_found_by_it() {
        distinct::<TopKey>();
        distinct::<KommuneKey>();
        distinct::<ItemKey>();
        distinct::<OwnKey>();
        distinct::<AliasFileKey>();
    }

    #[test]
    fn own_measures_allow_their_keys_then_an_items() {
        assert_eq!(
            OwnKey::names(),
            [
                "id",
                "category",
                "title",
                "status",
                "note",
                "partners",
                "evidence",
                "responsible",
                "due"
            ]
        );
        assert_eq!(OwnKey::find("due"), Some(OwnKey::Item(ItemKey::Due)));
    }
}
