-- The query side of the Thai name index (ADR 0106): the grams a substring query must match.
-- A name containing q contains every trigram of q (and every bigram of a 2-letter q), so the
-- trigrams alone are enough for the index and far more selective than q's bigrams, whose posting
-- lists cover much of the country; LIKE still rechecks the order. Same lower-casing and code-point
-- slicing as khru_grams (migration 0004), IMMUTABLE so a constant query folds at plan time.
CREATE OR REPLACE FUNCTION khru_query_grams(s text) RETURNS text[]
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT AS $$
  SELECT coalesce(array_agg(DISTINCT g ORDER BY g), '{}'::text[])
    FROM (SELECT substr(lower(s), i, k.n) AS g
            FROM (SELECT least(length(s), 3) AS n) AS k,
                 generate_series(1, greatest(length(s) - k.n + 1, 0)) AS i) AS x
$$;
