/// The commented `.medlint.yml` that `medlint init` writes. It exists so a team starts from a file
/// that names every setting and explains it in place, instead of hunting through documentation;
/// as written it changes nothing (every active value is the built-in default), and each example
/// becomes live by removing its `#`.
public enum StarterConfiguration {
    public static let contents: String = """
    # medlint configuration. medlint uses the .medlint.yml in the current folder or its nearest
    # parent (or the file given with --config). Paths and globs below are relative to this file's folder.
    # Precedence: built-in rule levels < this file < overrides (below) < command-line flags.
    # See the effective settings for one file with: medlint check --print-config PATH

    # Rule levels by rule id: off, note, warning or error (`medlint rules` lists the ids).
    rules:
      # fear-appeal: error
      # urgency-pressure: off

    # Only lint files matching these globs (empty: every Markdown file medlint is given).
    # Globs: * (within a folder), ** (any folders), ?, [abc], {a,b}; a pattern without / matches
    # a file name in any folder; a leading / anchors it here; a trailing / means a whole folder.
    include:
      # - "content/**"
      # - "*.md"

    # Never lint files matching these globs; exclude wins over include.
    exclude:
      # - "node_modules/"
      # - "**/drafts/**"
      # - "*.draft.md"

    # Front-matter fields whose text is prose and gets checked.
    front_matter_fields: [title, description, summary, excerpt]

    # Folders of your own rules (one YAML file per rule); a rule with a built-in id replaces it.
    rule_dirs:
      # - medlint-rules

    # Extra words for the built-in lexicons: your practice's procedures and brands, and the
    # sources you cite by name (so "according to ..." counts as a citation).
    lexicons:
      # procedures: [CoolTone, "signature facial"]
      # drugs: [Mounjaro]
      # named-sources: ["Harbour Dermatology Research Group"]

    # Your organisation's own disclaimer wording; missing-medical-disclaimer accepts it.
    disclaimers:
      # - "Results vary from person to person. Speak to your clinician about whether this treatment is right for you."

    # Which findings make `medlint check` exit with 1: error, warning, note or never.
    # fail_on: error

    # Files larger than this many bytes are skipped with a note.
    max_file_bytes: 4194304

    # Suppression comments must give a reason: <!-- medlint-disable-next-line RULE -- reviewed by legal -->
    require_suppression_reason: true

    # Rule levels for some paths only; when several overrides match a file, the last one wins.
    overrides:
      # - paths: ["landing/**"]            # stricter for paid-ad landing pages
      #   rules:
      #     urgency-pressure: error
      #     fear-appeal: error
      # - paths: ["blog/archive/**", "*.draft.md"]
      #   rules:
      #     urgency-pressure: note

    """
}
