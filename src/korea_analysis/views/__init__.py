"""What each notebook shows, computed from :class:`Annotations` so tests can reach it.

Notebooks call these and display the result; they hold no logic of their own. One module per
notebook (``overview`` 01, ``portrayal`` 02, ``quoting`` 03, ``lineup`` 04) plus ``common``;
every public function is also here, as ``views.<name>``.
"""
from korea_analysis.views.common import (  # noqa: F401
    UNKNOWN_OUTLET,
    corpus_description,
    corpus_name,
    fmt_percent,
    format_date,
    load,
    min_evidence,
    readable,
    separated,
    setup_notebook,
    show_table,
    show_text,
    source_line,
    stands_out,
    tables_dir,
)
from korea_analysis.views.evidence import (  # noqa: F401
    EVIDENCE_COLUMNS,
    evidence,
    parse_pair,
)
from korea_analysis.views.lineup import (  # noqa: F401
    AXIS_ENDS,
    alignment_by_period,
    alignment_chart,
    alignment_map,
    alignment_over_time_chart,
    alignment_table,
    alignment_title,
    dyad_table,
    strongest_evidence,
    unclear_actors,
    unga_comparison,
)
from korea_analysis.views.overview import (  # noqa: F401
    articles_per_period,
    articles_per_period_chart,
    body_share,
    body_share_chart,
    corpus_overview,
    corpus_sentence,
    duplicates_table,
    non_body_by_kind,
    non_body_sentences,
    outlet_table,
    period_of,
    top_actors,
    top_actors_chart,
    words_by_kind,
    words_per_kind,
)
from korea_analysis.views.portrayal import (  # noqa: F401
    dyad_heatmap,
    dyad_matrix,
    dyad_matrix_counts,
    evidence_sentences,
    evidence_table,
    portrayal_by,
    portrayal_by_outlet_table,
    portrayal_chart,
    portrayal_over_time_chart,
    portrayal_table,
    stance_evidence,
    stance_heatmap,
    stance_table,
)
from korea_analysis.views.quoting import (  # noqa: F401
    SOURCE_MEANING,
    country_sources,
    quote_listing,
    quote_sentiment,
    quote_table,
    quoted_words_chart,
    speaker_type,
    top_speakers,
    top_speakers_chart,
    unattributed_quotes,
    unresolved_speakers,
    who_is_quoted,
)
from korea_analysis.views.time import (  # noqa: F401
    MIN_PER_PERIOD,
    dated_periods,
    dates_note,
    is_dated,
    latest_evidence,
    main_pairs,
    outlet_trend,
    outlet_trend_chart,
    pair_trend,
    pair_trend_chart,
    portrayal_trend,
    portrayal_trend_chart,
    tension_change,
    tension_headline,
)
