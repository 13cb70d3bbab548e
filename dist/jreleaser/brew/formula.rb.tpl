# {{jreleaserCreationStamp}}
# cogauth's formula: JReleaser's JAVA_BINARY template plus the zip's completions and man pages.
class {{brewFormulaName}} < Formula
  desc "{{projectDescription}}"
  homepage "{{projectLinkHomepage}}"
  url "{{distributionUrl}}"
  version "{{projectVersion}}"
  sha256 "{{distributionChecksumSha256}}"
  license "{{projectLicense}}"

  {{#brewDependencies}}
  depends_on {{.}}
  {{/brewDependencies}}

  def install
    libexec.install Dir["*"]
    (bin/"{{distributionExecutableName}}").write_env_script libexec/"bin/{{distributionExecutableUnix}}",
      JAVA_HOME: Formula["openjdk@17"].opt_prefix
    bash_completion.install libexec/"completions/cogauth.bash" => "cogauth"
    fish_completion.install libexec/"completions/cogauth.fish"
    man1.install Dir[libexec/"man/man1/*.1"]
  end

  def caveats
    <<~EOS
      zsh completion: add to ~/.zshrc
        source #{opt_libexec}/completions/cogauth.zsh
    EOS
  end

  test do
    output = shell_output("#{bin}/{{distributionExecutableName}} --version")
    assert_match "{{projectVersion}}", output
  end
end
