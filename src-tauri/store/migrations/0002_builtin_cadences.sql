-- why: the rhythms the seeds teach, ready to apply and free to edit. Offsets are
-- days from the start; a run stops on the decisions listed.
INSERT INTO cadences (builtin_key, name, stops_on_decisions, created_at, updated_at) VALUES
    ('new_lead', 'New lead: 3 days, 3 weeks, 3 months', 'bought,no', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z'),
    ('seven_touches', 'Seven touches', 'bought,no', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z'),
    ('new_customer_care', 'New customer care', 'no', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z'),
    ('win_back', 'Win back an inactive customer', 'bought,no', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z'),
    ('partner_checkin', 'Partner check-in', '', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z');

INSERT INTO cadence_steps (cadence_id, position, offset_days, channel, message)
SELECT c.id, s.position, s.offset_days, s.channel, s.message
FROM cadences c JOIN (
    SELECT 'new_lead' AS k, 1 AS position, 3 AS offset_days, 'call' AS channel, 'Check in: any questions about what they tried?' AS message
    UNION ALL SELECT 'new_lead', 2, 21, 'text', 'Follow up: ready to order, or still thinking?'
    UNION ALL SELECT 'new_lead', 3, 90, 'call', 'Three-month check-in: a no is only a no for today'
    UNION ALL SELECT 'seven_touches', 1, 1, 'text', 'Thank them for their time'
    UNION ALL SELECT 'seven_touches', 2, 4, 'call', 'Answer questions, share a tip'
    UNION ALL SELECT 'seven_touches', 3, 10, 'email', 'Send something useful'
    UNION ALL SELECT 'seven_touches', 4, 17, 'call', 'Ask for the sale'
    UNION ALL SELECT 'seven_touches', 5, 28, 'message', 'Share a customer story'
    UNION ALL SELECT 'seven_touches', 6, 40, 'call', 'Offer a sample or an event invite'
    UNION ALL SELECT 'seven_touches', 7, 52, 'call', 'Ask for a decision: a fast no beats a long maybe'
    UNION ALL SELECT 'new_customer_care', 1, 2, 'text', 'How are they getting on with their order?'
    UNION ALL SELECT 'new_customer_care', 2, 14, 'call', 'Check it is working for them; tips for use'
    UNION ALL SELECT 'new_customer_care', 3, 42, 'call', 'Re-order or add-on? Ask for a referral'
    UNION ALL SELECT 'win_back', 1, 0, 'call', 'Call and ask why they went quiet'
    UNION ALL SELECT 'win_back', 2, 14, 'message', 'Send something they loved before'
    UNION ALL SELECT 'win_back', 3, 60, 'call', 'Invite them to an event or offer'
    UNION ALL SELECT 'partner_checkin', 1, 30, 'call', 'Monthly partner check-in: referrals both ways'
    UNION ALL SELECT 'partner_checkin', 2, 60, 'call', 'Monthly partner check-in: referrals both ways'
    UNION ALL SELECT 'partner_checkin', 3, 90, 'call', 'Monthly partner check-in: referrals both ways'
    UNION ALL SELECT 'partner_checkin', 4, 120, 'call', 'Monthly partner check-in: referrals both ways'
    UNION ALL SELECT 'partner_checkin', 5, 150, 'call', 'Monthly partner check-in: referrals both ways'
    UNION ALL SELECT 'partner_checkin', 6, 180, 'call', 'Monthly partner check-in: referrals both ways'
) s ON s.k = c.builtin_key;
