-- Indexes for classification at scale (issue #8): finding the event an item already joined
-- (by item), and checking whether a feed is already a source of an event (by event and feed)
-- so that an event's counts are kept incrementally instead of recounted for every report.
CREATE INDEX event_sources_by_item ON event_sources (item_id);
CREATE INDEX event_sources_by_feed ON event_sources (event_id, feed_id);
