"""attribution: who said what in news text (quotes, cues, speakers, chains)."""
