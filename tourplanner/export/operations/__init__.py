"""Operations documents: rooming lists, bus manifests, catering sheets, transfers, badges."""
