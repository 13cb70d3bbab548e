# fish completion for cogauth, generated from the picocli model by dev.cogauth.dist.DistFiles: do not edit.
# Install: copy to ~/.config/fish/completions/cogauth.fish
complete -c cogauth -f
complete -c cogauth -n '__fish_use_subcommand' -s h -l help -d 'Show this help message and exit.'
complete -c cogauth -n '__fish_use_subcommand' -s V -l version -d 'Print version information and exit.'
complete -c cogauth -n '__fish_use_subcommand' -a 'help' -d 'When no COMMAND is given, the usage help for the main command is displayed.'
complete -c cogauth -n '__fish_seen_subcommand_from help' -s h -l help -d 'Show usage help for the help command and exit.'
