//! Referrals on a real file: `Referred by` set and refused where it makes no
//! sense; Quick add's "via Sara" and a party's host naming the referrer of
//! every guest; the referrer's page (who, how many bought, what in all); the
//! thank-you when someone referred first buys; partners sent and received.

use crate::purchases::{bought, product, tuesday};
use crate::support::draft;
use tend::domain::referral::PartnerReferralDraft;
use tend::quickadd::Batch;

#[test]
fn referred_by_is_set_on_a_contact_and_shown_on_both_sides() {
    let f = tuesday();
    let sara = f.tend.create_contact(&draft("Sara Jones")).expect("Sara");
    let maria = f.tend.create_contact(&draft("Maria Lopez")).expect("Maria");
    let set = f
        .tend
        .set_referred_by(maria.id, Some(sara.id))
        .expect("referred");
    assert_eq!(
        set.referred_by.as_ref().map(|p| p.name.as_str()),
        Some("Sara Jones")
    );
    let page = f.tend.referrals(sara.id).expect("Sara's page");
    assert_eq!(
        page.referred
            .iter()
            .map(|r| r.name.as_str())
            .collect::<Vec<_>>(),
        ["Maria Lopez"]
    );
    assert_eq!(page.tally.referred, 1);
    assert_eq!(page.tally.bought, 0);

    let before = f.dump();
    let herself = f
        .tend
        .set_referred_by(maria.id, Some(maria.id))
        .expect_err("herself");
    assert_eq!(herself.field(), Some("referredBy"));
    let gone = f
        .tend
        .set_referred_by(maria.id, Some(sara.id + 99))
        .expect_err("no one");
    assert_eq!(gone.kind(), "not_found");
    assert_eq!(f.dump(), before, "nothing changed");
    let cleared = f.tend.set_referred_by(maria.id, None).expect("cleared");
    assert_eq!(cleared.referred_by, None);
}

#[test]
fn quick_add_via_sara_names_the_referrer_or_keeps_the_words_in_the_note() {
    let f = tuesday();
    let sara = f.tend.create_contact(&draft("Sara Jones")).expect("Sara");
    let batch = Batch::default();
    let preview = f
        .tend
        .preview_quick_add("Maria Lopez via Sara wants oils", &batch)
        .expect("preview");
    assert_eq!(preview.referrer.as_ref().map(|p| p.id), Some(sara.id));
    assert_eq!(preview.text, "Maria Lopez · via Sara · note: wants oils");
    let added = f
        .tend
        .quick_add("Maria Lopez via Sara wants oils", &batch, None)
        .expect("added");
    assert_eq!(
        added.contact.referred_by.as_ref().map(|p| p.id),
        Some(sara.id)
    );
    assert_eq!(added.contact.notes, "wants oils");

    let nobody = f
        .tend
        .preview_quick_add("Ana Ruiz ref Tom", &batch)
        .expect("preview");
    assert_eq!(nobody.referrer, None);
    assert!(
        nobody
            .referrer_note
            .as_deref()
            .is_some_and(|n| n.contains("No contact is called “Tom”")),
        "{:?}",
        nobody.referrer_note
    );
    let ana = f
        .tend
        .quick_add("Ana Ruiz ref Tom", &batch, None)
        .expect("added");
    assert_eq!(ana.contact.referred_by, None);
    assert_eq!(ana.contact.notes, "ref Tom", "nothing typed is lost");
}

#[test]
fn every_guest_of_sara_s_party_is_referred_by_her_and_she_is_thanked_when_one_buys() {
    let f = tuesday();
    let oil = product(&f, "lavender oil", "30", "24.50");
    let sara = f.tend.create_contact(&draft("Sara Jones")).expect("Sara");
    let party = Batch {
        met_where: "Sara’s party".into(),
        ..Batch::default()
    };
    let preview = f
        .tend
        .preview_quick_add("Maria Lopez", &party)
        .expect("preview");
    assert_eq!(
        preview.referrer_note.as_deref(),
        Some("Sara Jones is the host: referred by her")
    );
    let maria = f
        .tend
        .quick_add("Maria Lopez", &party, None)
        .expect("Maria")
        .contact;
    let jen = f
        .tend
        .quick_add("Jen Park call Thu", &party, None)
        .expect("Jen")
        .contact;
    for guest in [&maria, &jen] {
        assert_eq!(
            guest.referred_by.as_ref().map(|p| p.id),
            Some(sara.id),
            "{}",
            guest.name
        );
    }

    let first = f
        .tend
        .record_purchase(&bought(maria.id, &[(oil, 2)], ""))
        .expect("Maria buys");
    let thanks = first
        .decision
        .as_ref()
        .and_then(|d| d.thanks.as_ref())
        .expect("Sara is thanked");
    assert_eq!(thanks.contact_id, sara.id);
    assert_eq!(thanks.promise, "Thank Sara for referring Maria");
    assert_eq!(
        thanks.due_local, "2026-02-11T09:00",
        "tomorrow at her default time"
    );
    let again = f
        .tend
        .record_purchase(&bought(maria.id, &[(oil, 1)], ""))
        .expect("again");
    assert!(
        again.decision.expect("a decision").thanks.is_none(),
        "thanked once"
    );

    let page = f.tend.referrals(sara.id).expect("the host's page");
    let names: Vec<(&str, i64)> = page
        .referred
        .iter()
        .map(|r| (r.name.as_str(), r.purchases))
        .collect();
    assert_eq!(names, [("Jen Park", 0), ("Maria Lopez", 2)]);
    assert_eq!(page.tally.bought, 1);
    assert_eq!(page.tally.spent_cents, 3 * 2450);
}

#[test]
fn a_partner_keeps_the_referrals_she_sent_and_received() {
    let f = tuesday();
    let chen = f.tend.create_contact(&draft("Chen Wei")).expect("Chen");
    f.tend.set_stage(chen.id, "partner").expect("a partner");
    for name in ["Ana", "Bo"] {
        let sent = f.tend.create_contact(&draft(name)).expect("contact");
        f.tend
            .set_referred_by(sent.id, Some(chen.id))
            .expect("sent by Chen");
    }
    let jane = f.tend.create_contact(&draft("Jane Doe")).expect("Jane");
    let given = f
        .tend
        .record_partner_referral(&PartnerReferralDraft {
            partner_id: chen.id,
            contact_id: Some(jane.id),
            note: "wants a tea tasting".into(),
        })
        .expect("sent to Chen");
    assert_eq!(
        given.contact.as_ref().map(|p| p.name.as_str()),
        Some("Jane Doe")
    );
    assert_eq!(given.referred_on.to_string(), "2026-02-10");
    let page = f.tend.referrals(chen.id).expect("Chen's page");
    assert!(page.is_partner);
    assert_eq!(page.tally.referred, 2, "sent 2");
    assert_eq!(page.sent_to_partner.len(), 1, "received 1");

    let before = f.dump();
    let empty = f
        .tend
        .record_partner_referral(&PartnerReferralDraft {
            partner_id: chen.id,
            ..PartnerReferralDraft::default()
        })
        .expect_err("whom?");
    assert_eq!(empty.field(), Some("note"));
    assert_eq!(f.dump(), before);
}
