-- Places keep the name as it should be shown (`label`) beside the folded name they are matched by, so
-- `GET /places` can offer "BS5" and "Bristol" rather than "bs5" and "bristol". Older rows show their name.
ALTER TABLE places ADD COLUMN label TEXT;
