//! temp
use super::*;
use crate::domain::phone::parse_region;

#[test]
fn debug_lines() {
    let now = NaiveDate::from_ymd_opt(2026, 11, 23).and_then(|d| d.and_hms_opt(10, 0, 0)).expect("now");
    let ctx = ParseContext::new(now, DateOrder::MonthFirst, parse_region("US").expect("us"));
    let text = std::fs::read_to_string("/tmp/lines.txt").expect("lines");
    for line in text.lines() {
        match parse_line(line, &ctx) {
            Ok(p) => println!("{line}\n    => {:?} | ph {:?} | em {:?} | tags {:?} | st {:?} | note {:?} | fu {:?}\n    >> {}", p.name, p.phones.iter().map(|p| (&p.display, &p.e164)).collect::<Vec<_>>(), p.emails, p.tags, p.stage, p.note, p.followup.as_ref().map(|f| (f.channel, f.date.to_string(), f.time, &f.phrase)), p.preview(ctx.default_time)),
            Err(e) => println!("{line}\n    => ERR {:?}: {}", e.field(), e),
        }
    }
}
#[test]
fn debug_phones() {
    for (text, region) in [("+86 138 0013 8000", "CN"), ("+86 10 1234 5678", "CN"), ("+8613800138000", "CN"), ("+44 20 7946 0958", "GB"), ("+49 30 901820", "DE"), ("+91 98765 43210", "IN"), ("+33 6 12 34 56 78", "FR"), ("+7 912 345 67 89", "RU"), ("+7 912 345 67 89", "US"), ("+39 06 1234 5678", "US"), ("+54 9 11 1234 5678", "US"), ("+86 138 0013 8000", "US"), ("+8613800138000", "US"), ("138 0013 8000", "CN"), ("+86 10 1234 5678", "US"), ("+15550142", "US"), ("+1 415 555 0142", "US")] {
        let r = parse_region(region).expect("r");
        let p = crate::domain::phone::parse(text, r);
        let n = phonenumber::parse(Some(r), text);
        let id = phonenumber::parse(None, text).map(|n| n.country().id());
        println!("{text} {region} id={id:?} => {:?} | {:?}", p.map(|p| p.e164), n.map(|n| (n.format().mode(phonenumber::Mode::International).to_string(), phonenumber::is_valid(&n))));
    }
}
