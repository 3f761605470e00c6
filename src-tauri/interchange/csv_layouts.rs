//! The CSV layouts Tend knows, by their column names: Google Contacts (the
//! current export and the legacy one), Outlook (desktop and outlook.com, in
//! English, German, French, Spanish and Dutch), Thunderbird and LinkedIn's
//! Connections.csv. A layout is recognised when all of its signature columns are
//! there; its table then says which column is which. Column names are compared
//! in lower case with each number as `#` ("E-mail 2 - Value" → "e-mail # - value").
//! The localised Outlook names are those of real exports as far as we know them;
//! a file that differs falls back to a mapping, with `suggest_mapping` pre-filling it.

use super::birthday::DateOrder;
use super::csv_mapping::{pattern, ColumnMapping, ColumnUse, Field};

pub(crate) struct Column {
    header: &'static str,
    field: Field,
    /// For a detail, its label in the note; empty: the column name as written.
    label: &'static str,
}

const fn is(header: &'static str, field: Field) -> Column {
    Column {
        header,
        field,
        label: "",
    }
}

const fn detail(header: &'static str, label: &'static str) -> Column {
    Column {
        header,
        field: Field::Detail,
        label,
    }
}

pub(crate) struct Layout {
    pub name: &'static str,
    signature: &'static [&'static str],
    columns: &'static [Column],
    /// None: English exports come from the US and the UK alike, so the file's
    /// own dates must tell.
    pub date_order: Option<DateOrder>,
}

use Field::*;

const GOOGLE: Layout = Layout {
    name: "Google Contacts",
    signature: &["first name", "e-mail # - value"],
    columns: &[
        is("first name", FirstName),
        is("middle name", MiddleName),
        is("last name", LastName),
        is("organization name", Org),
        detail("organization title", "Job title"),
        detail("organization department", "Department"),
        detail("nickname", "Nickname"),
        is("birthday", Birthday),
        is("notes", Note),
        is("labels", Tags),
        is("e-mail # - value", Email),
        is("phone # - value", Phone),
        detail("address # - formatted", "Address"),
        detail("website # - value", "Website"),
    ],
    date_order: Some(DateOrder::MonthFirst),
};

const GOOGLE_LEGACY: Layout = Layout {
    name: "Google Contacts (legacy)",
    signature: &["given name", "group membership"],
    columns: &[
        is("name", Name),
        is("given name", FirstName),
        is("additional name", MiddleName),
        is("family name", LastName),
        detail("nickname", "Nickname"),
        is("birthday", Birthday),
        is("notes", Note),
        is("group membership", Tags),
        is("e-mail # - value", Email),
        is("phone # - value", Phone),
        is("organization # - name", Org),
        detail("organization # - title", "Job title"),
        detail("organization # - department", "Department"),
        detail("address # - formatted", "Address"),
        detail("website # - value", "Website"),
    ],
    date_order: Some(DateOrder::MonthFirst),
};

const OUTLOOK: Layout = Layout {
    name: "Outlook",
    signature: &["first name", "last name", "e-mail address"],
    columns: &[
        is("first name", FirstName),
        is("middle name", MiddleName),
        is("last name", LastName),
        is("company", Org),
        detail("department", "Department"),
        detail("job title", "Job title"),
        detail("nickname", "Nickname"),
        is("business phone", Phone),
        is("business phone #", Phone),
        is("home phone", Phone),
        is("home phone #", Phone),
        is("mobile phone", Phone),
        is("other phone", Phone),
        is("primary phone", Phone),
        is("company main phone", Phone),
        is("car phone", Phone),
        detail("business fax", "Business fax"),
        detail("home fax", "Home fax"),
        is("e-mail address", Email),
        is("e-mail # address", Email),
        is("birthday", Birthday),
        is("categories", Tags),
        is("notes", Note),
        detail("web page", "Website"),
        detail("personal web page", "Website"),
    ],
    date_order: None,
};

const OUTLOOK_DE: Layout = Layout {
    name: "Outlook (Deutsch)",
    signature: &["vorname", "nachname", "e-mail-adresse"],
    columns: &[
        is("vorname", FirstName),
        is("weitere vornamen", MiddleName),
        is("nachname", LastName),
        is("firma", Org),
        detail("abteilung", ""),
        detail("position", ""),
        detail("spitzname", ""),
        is("telefon geschäftlich", Phone),
        is("telefon geschäftlich #", Phone),
        is("telefon privat", Phone),
        is("telefon privat #", Phone),
        is("mobiltelefon", Phone),
        is("mobiltelefon #", Phone),
        is("weiteres telefon", Phone),
        is("haupttelefon", Phone),
        is("telefon firma", Phone),
        is("autotelefon", Phone),
        detail("fax geschäftlich", ""),
        detail("fax privat", ""),
        is("e-mail-adresse", Email),
        is("e-mail #: adresse", Email),
        is("geburtstag", Birthday),
        is("kategorien", Tags),
        is("notizen", Note),
        detail("webseite", ""),
    ],
    date_order: Some(DateOrder::DayFirst),
};

const OUTLOOK_FR: Layout = Layout {
    name: "Outlook (Français)",
    signature: &["prénom", "nom", "adresse de messagerie"],
    columns: &[
        is("prénom", FirstName),
        is("deuxième prénom", MiddleName),
        is("nom", LastName),
        is("société", Org),
        detail("service", ""),
        detail("fonction", ""),
        detail("surnom", ""),
        is("téléphone bureau", Phone),
        is("téléphone (bureau)", Phone),
        is("téléphone # bureau", Phone),
        is("téléphone # (bureau)", Phone),
        is("téléphone bureau #", Phone),
        is("téléphone domicile", Phone),
        is("téléphone (domicile)", Phone),
        is("téléphone # domicile", Phone),
        is("téléphone # (domicile)", Phone),
        is("téléphone domicile #", Phone),
        is("tél. mobile", Phone),
        is("téléphone mobile", Phone),
        is("portable", Phone),
        is("autre téléphone", Phone),
        is("téléphone principal", Phone),
        is("adresse de messagerie", Email),
        is("adresse de messagerie #", Email),
        is("anniversaire", Birthday),
        is("catégories", Tags),
        is("notes", Note),
        detail("page web", ""),
    ],
    date_order: Some(DateOrder::DayFirst),
};

const OUTLOOK_ES: Layout = Layout {
    name: "Outlook (Español)",
    signature: &["nombre", "apellidos", "dirección de correo electrónico"],
    columns: &[
        is("nombre", FirstName),
        is("segundo nombre", MiddleName),
        is("apellidos", LastName),
        is("organización", Org),
        is("compañía", Org),
        is("empresa", Org),
        detail("departamento", ""),
        detail("puesto", ""),
        detail("cargo", ""),
        is("teléfono del trabajo", Phone),
        is("teléfono del trabajo #", Phone),
        is("teléfono particular", Phone),
        is("teléfono particular #", Phone),
        is("móvil", Phone),
        is("teléfono móvil", Phone),
        is("otro teléfono", Phone),
        is("teléfono principal", Phone),
        is("dirección de correo electrónico", Email),
        is("dirección de correo electrónico #", Email),
        is("cumpleaños", Birthday),
        is("categorías", Tags),
        is("notas", Note),
        detail("página web", ""),
    ],
    date_order: Some(DateOrder::DayFirst),
};

const OUTLOOK_NL: Layout = Layout {
    name: "Outlook (Nederlands)",
    signature: &["voornaam", "achternaam", "e-mailadres"],
    columns: &[
        is("voornaam", FirstName),
        is("middelste naam", MiddleName),
        is("achternaam", LastName),
        is("bedrijf", Org),
        detail("afdeling", ""),
        detail("functie", ""),
        detail("bijnaam", ""),
        is("telefoon op werk", Phone),
        is("telefoon op werk #", Phone),
        is("telefoon thuis", Phone),
        is("telefoon thuis #", Phone),
        is("mobiele telefoon", Phone),
        is("andere telefoon", Phone),
        is("hoofdtelefoon", Phone),
        is("e-mailadres", Email),
        is("e-mailadres #", Email),
        is("verjaardag", Birthday),
        is("categorieën", Tags),
        is("notities", Note),
        detail("webpagina", ""),
    ],
    date_order: Some(DateOrder::DayFirst),
};

const THUNDERBIRD: Layout = Layout {
    name: "Thunderbird",
    signature: &["display name", "primary email"],
    columns: &[
        is("first name", FirstName),
        is("last name", LastName),
        is("display name", Name),
        detail("nickname", "Nickname"),
        is("primary email", Email),
        is("secondary email", Email),
        is("work phone", Phone),
        is("home phone", Phone),
        is("mobile number", Phone),
        detail("fax number", "Fax"),
        detail("pager number", "Pager"),
        detail("job title", "Job title"),
        detail("department", "Department"),
        is("organization", Org),
        detail("web page #", "Website"),
        is("birth year", BirthYear),
        is("birth month", BirthMonth),
        is("birth day", BirthDay),
        is("notes", Note),
    ],
    date_order: Some(DateOrder::MonthFirst),
};

const LINKEDIN: Layout = Layout {
    name: "LinkedIn connections",
    signature: &["first name", "last name", "connected on"],
    columns: &[
        is("first name", FirstName),
        is("last name", LastName),
        is("email address", Email),
        is("company", Org),
        detail("position", "Position"),
        detail("url", "LinkedIn"),
        detail("connected on", "Connected on LinkedIn"),
    ],
    date_order: Some(DateOrder::MonthFirst),
};

/// Most specific first: Google's and LinkedIn's files also have "First Name".
const LAYOUTS: &[&Layout] = &[
    &GOOGLE,
    &GOOGLE_LEGACY,
    &LINKEDIN,
    &THUNDERBIRD,
    &OUTLOOK,
    &OUTLOOK_DE,
    &OUTLOOK_FR,
    &OUTLOOK_ES,
    &OUTLOOK_NL,
];

/// Common column names of hand-made files, for `suggest_mapping`.
const GENERIC: &[Column] = &[
    is("name", Name),
    is("full name", Name),
    is("display name", Name),
    is("contact", Name),
    is("first name", FirstName),
    is("firstname", FirstName),
    is("given name", FirstName),
    is("last name", LastName),
    is("lastname", LastName),
    is("surname", LastName),
    is("family name", LastName),
    is("phone", Phone),
    is("phone number", Phone),
    is("telephone", Phone),
    is("tel", Phone),
    is("mobile", Phone),
    is("cell", Phone),
    is("telefon", Phone),
    is("handy", Phone),
    is("téléphone", Phone),
    is("teléfono", Phone),
    is("telefoon", Phone),
    is("email", Email),
    is("e-mail", Email),
    is("mail", Email),
    is("email address", Email),
    is("birthday", Birthday),
    is("date of birth", Birthday),
    is("dob", Birthday),
    is("company", Org),
    is("organization", Org),
    is("organisation", Org),
    is("notes", Note),
    is("note", Note),
    is("comments", Note),
    is("tags", Tags),
    is("groups", Tags),
    is("labels", Tags),
    is("categories", Tags),
];

impl Layout {
    /// How each of these columns is read (None: left out).
    pub(crate) fn uses(&self, headers: &[String]) -> Vec<Option<ColumnUse>> {
        headers
            .iter()
            .map(|header| {
                let column = find(self.columns, header)?;
                let label = match column.label {
                    "" => header.trim().to_string(),
                    label => label.to_string(),
                };
                Some(ColumnUse {
                    field: column.field,
                    label,
                })
            })
            .collect()
    }
}

fn find<'a>(columns: &'a [Column], header: &str) -> Option<&'a Column> {
    let wanted = pattern(header);
    columns.iter().find(|column| column.header == wanted)
}

/// The known layout these columns are, if any.
pub(crate) fn recognise(headers: &[String]) -> Option<&'static Layout> {
    let present: Vec<String> = headers.iter().map(|header| pattern(header)).collect();
    LAYOUTS.iter().copied().find(|layout| {
        layout
            .signature
            .iter()
            .all(|wanted| present.iter().any(|header| header == wanted))
    })
}

/// A first guess at a mapping for columns Tend does not know, from the column
/// names of the known layouts and of hand-made files; for the person to check.
pub fn suggest_mapping(headers: &[String]) -> ColumnMapping {
    let columns = headers
        .iter()
        .filter_map(|header| {
            let column = find(GENERIC, header).or_else(|| {
                LAYOUTS
                    .iter()
                    .find_map(|layout| find(layout.columns, header))
            })?;
            Some((header.trim().to_string(), column.field))
        })
        .collect();
    ColumnMapping { columns }
}

#[cfg(test)]
mod tests {
    use super::{recognise, suggest_mapping, Field};

    fn headers(line: &str) -> Vec<String> {
        line.split(',').map(str::to_string).collect()
    }

    #[test]
    fn each_layout_is_recognised_by_its_columns() {
        let name = |line: &str| recognise(&headers(line)).map(|layout| layout.name);
        assert_eq!(
            name("First Name,Last Name,E-mail 1 - Label,E-mail 1 - Value,Labels"),
            Some("Google Contacts")
        );
        assert_eq!(
            name("Name,Given Name,Family Name,Group Membership,E-mail 1 - Value"),
            Some("Google Contacts (legacy)")
        );
        assert_eq!(
            name("Title,First Name,Last Name,E-mail Address,E-mail Display Name"),
            Some("Outlook")
        );
        assert_eq!(
            name("Anrede,Vorname,Nachname,E-Mail-Adresse"),
            Some("Outlook (Deutsch)")
        );
        assert_eq!(
            name("First Name,Last Name,Display Name,Primary Email"),
            Some("Thunderbird")
        );
        assert_eq!(
            name("First Name,Last Name,URL,Email Address,Company,Position,Connected On"),
            Some("LinkedIn connections")
        );
        assert_eq!(name("Name,Phone,Email"), None);
    }

    #[test]
    fn a_suggestion_names_the_columns_it_knows_and_leaves_the_rest() {
        let mapping = suggest_mapping(&headers(
            "Kunde,Handy,E-Mail,Firma,Geburtstag,Lieblingsfarbe",
        ));
        let fields: Vec<(&str, Field)> = mapping
            .columns
            .iter()
            .map(|(header, field)| (header.as_str(), *field))
            .collect();
        assert_eq!(
            fields,
            [
                ("E-Mail", Field::Email),
                ("Firma", Field::Org),
                ("Geburtstag", Field::Birthday),
                ("Handy", Field::Phone),
            ]
        );
    }
}
